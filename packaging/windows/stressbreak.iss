; Inno Setup 6 script: a per-user StressBreak install (no administrator rights asked).
;
; Build the bundle first (on Windows), then the installer; the version comes from
; stressbreak/__init__.py through the command line (packaging/README.md, "Windows"):
;
;   pyinstaller --noconfirm --clean --distpath dist --workpath build packaging\stressbreak.spec
;   for /f %v in ('python -c "import stressbreak; print(stressbreak.__version__)"') do ^
;     iscc /DAppVersion=%v packaging\windows\stressbreak.iss
;
; Result: dist\StressBreak-<version>-setup.exe

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z (from stressbreak.__version__)
#endif
#define AppName "StressBreak"
#define AppExe "stressbreak.exe"
; One identity everywhere: the macOS bundle id, the Flatpak id, services/autostart.py BUNDLE_ID.
#define AppUserModelID "org.stressbreak.StressBreak"
#define RunKey "Software\Microsoft\Windows\CurrentVersion\Run"

[Setup]
; A fixed AppId: upgrades replace the old version instead of installing beside it.
AppId={{5B7E3C2A-8F1D-4B6E-9A2C-3D4E5F607182}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The StressBreak developers
AppPublisherURL=https://stressbreak.org/
VersionInfoVersion={#AppVersion}
; Per user: into %LOCALAPPDATA%\Programs, Start menu of this user, no UAC prompt.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
SetupIconFile=..\icons\stressbreak.ico
OutputDir=..\..\dist
OutputBaseFilename=StressBreak-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; A running StressBreak holds its files open: ask it to close (Restart Manager) and
; start it again after an upgrade.
CloseApplications=yes
RestartApplications=no
MinVersion=10.0

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"

[CustomMessages]
en.StartAtLogin=Start StressBreak when I log in
nl.StartAtLogin=StressBreak starten als ik me aanmeld
en.StartNow=Start StressBreak now
nl.StartNow=StressBreak nu starten
en.RemoveJournal=Also delete your StressBreak journal and settings?%n%nChoose No to keep them (a later install finds them again). This cannot be undone.
nl.RemoveJournal=Ook je StressBreak-dagboek en instellingen verwijderen?%n%nKies Nee om ze te bewaren (een latere installatie vindt ze terug). Dit kan niet ongedaan worden gemaakt.

[Tasks]
; The app writes the same Run value itself when the setting is switched on
; (services/autostart.py: HKCU\...\Run, value "StressBreak", the exe in quotes).
Name: "autostart"; Description: "{cm:StartAtLogin}"; Flags: unchecked

[Files]
; The whole one-folder bundle made by packaging/stressbreak.spec.
Source: "..\..\dist\stressbreak\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; The AppUserModelID on the shortcut and the one the bundle sets for its process
; (packaging/rthooks/app_identity.py) are the same: Windows attributes the notifications,
; the tray icon's settings and the taskbar entry to "StressBreak".
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppUserModelID}"; Comment: "One-minute pauses and a stress meter"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"

[Registry]
Root: HKCU; Subkey: "{#RunKey}"; ValueType: string; ValueName: "{#AppName}"; ValueData: """{app}\{#AppExe}"""; Tasks: autostart; Flags: uninsdeletevalue

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:StartNow}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
; Ask a running StressBreak to quit cleanly (it saves and releases its journal) before its
; files are removed. The console twin waits for the answer; nothing happens if none runs.
Filename: "{app}\stressbreak-cli.exe"; Parameters: "quit"; Flags: runhidden waituntilterminated; RunOnceId: "QuitStressBreak"

[UninstallDelete]
; Only what the program folder gained at run time (Python caches); never the user's data.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
// The journal and settings live in platformdirs' user data/config folder for "stressbreak"
// (no app author): %LOCALAPPDATA%\stressbreak on Windows. They stay unless the user says
// otherwise; a silent uninstall (e.g. by an update tool) never deletes them.
function UserDataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\stressbreak');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usUninstall then
  begin
    // The app's own "Start when I log in" wrote this value: it would point at a removed exe.
    RegDeleteValue(HKEY_CURRENT_USER, '{#RunKey}', '{#AppName}');
  end;
  if CurUninstallStep = usPostUninstall then
  begin
    if (not UninstallSilent()) and DirExists(UserDataDir()) then
    begin
      if MsgBox(CustomMessage('RemoveJournal'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(UserDataDir(), True, True, True);
    end;
  end;
end;
