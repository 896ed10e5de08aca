<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Shared folder: none. Your journal stays on this computer.</source>
        <translation>Gedeelde map: geen. Je dagboek blijft op deze computer.</translation>
    </message>
    <message>
        <source>Shared folder: {folder}</source>
        <translation>Gedeelde map: {folder}</translation>
    </message>
    <message>
        <source>In use: this computer&apos;s journal is written there, and what your other computers wrote is read from it.</source>
        <translation>In gebruik: het dagboek van deze computer wordt daarin geschreven, en wat je andere computers schreven wordt eruit gelezen.</translation>
    </message>
    <message>
        <source>Not in use now. {problem}</source>
        <translation>Nu niet in gebruik. {problem}</translation>
    </message>
    <message>
        <source>This computer: {name}</source>
        <translation>Deze computer: {name}</translation>
    </message>
    <message>
        <source>Other computers there:</source>
        <translation>Andere computers in deze map:</translation>
    </message>
    <message>
        <source>{name}, last seen {when}</source>
        <translation>{name}, laatst gezien {when}</translation>
    </message>
    <message>
        <source>Other computers there: none yet.</source>
        <translation>Andere computers in deze map: nog geen.</translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <source>Starting at login isn&apos;t available on this system.</source>
        <translation>Starten bij inloggen is op dit systeem niet beschikbaar.</translation>
    </message>
    <message>
        <source>Bluetooth is not available here: no adapter was found, or it is switched off. Switch it on and choose Look again.</source>
        <translation>Bluetooth is hier niet beschikbaar: er is geen adapter gevonden, of hij staat uit. Zet hem aan en kies Opnieuw zoeken.</translation>
    </message>
    <message>
        <source>Looking for straps did not work just now. Choose Look again.</source>
        <translation>Zoeken naar banden lukte net niet. Kies Opnieuw zoeken.</translation>
    </message>
    <message>
        <source>“{setting}” is on, but cannot work here: {reason}</source>
        <translation>“{setting}” staat aan, maar werkt hier niet: {reason}</translation>
    </message>
    <message>
        <source>“{setting}” is on, but cannot work here. {reason}</source>
        <translation>“{setting}” staat aan, maar werkt hier niet. {reason}</translation>
    </message>
    <message>
        <source>{first}. {second}.</source>
        <translation>{first}. {second}.</translation>
    </message>
    <message>
        <source>Your settings could not be saved ({reason}); they apply until StressBreak quits.</source>
        <translation>Je instellingen konden niet worden opgeslagen ({reason}); ze gelden zolang StressBreak draait.</translation>
    </message>
    <message>
        <source>Start at login could not be changed ({reason}).</source>
        <translation>Starten bij inloggen kon niet worden aangepast ({reason}).</translation>
    </message>
    <message>
        <source>Time away from the keyboard is not measured in this run.</source>
        <translation>Tijd weg van het toetsenbord wordt deze keer niet gemeten.</translation>
    </message>
    <message>
        <source>Not checked in this run.</source>
        <translation>Wordt deze keer niet gecontroleerd.</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <source>Not now</source>
        <translation>Nu niet</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>Sluiten zonder op te slaan (Esc)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Save to your private journal (Enter)</source>
        <translation>Opslaan in je eigen dagboek (Enter)</translation>
    </message>
    <message>
        <source>Overall tension right now</source>
        <translation>Spanning op dit moment</translation>
    </message>
    <message>
        <source>Stress meter</source>
        <translation>Stressmeter</translation>
    </message>
    <message>
        <source>Just notice</source>
        <translation>Alleen opmerken</translation>
    </message>
    <message>
        <source>Noticing without judging already helps your body settle. Every question may stay open.</source>
        <translation>Opmerken zonder te oordelen helpt je lichaam al om tot rust te komen. Elke vraag mag open blijven.</translation>
    </message>
    <message>
        <source>Saved. Thank you for noticing.</source>
        <translation>Opgeslagen. Fijn dat je even bij jezelf hebt stilgestaan.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>What set it off? (optional)</source>
        <translation>Was er een aanleiding? (optioneel)</translation>
    </message>
    <message>
        <source>A moment, a message, a thought…</source>
        <translation>Een moment, een bericht, een gedachte…</translation>
    </message>
    <message>
        <source>What set it off</source>
        <translation>Aanleiding</translation>
    </message>
    <message>
        <source>Optional; earlier answers are suggested as you type</source>
        <translation>Optioneel; terwijl je typt, zie je eerdere antwoorden</translation>
    </message>
    <message>
        <source>What matters to me now? A small next step:</source>
        <translation>Wat vind ik nu belangrijk? Een kleine volgende stap:</translation>
    </message>
    <message>
        <source>My values…</source>
        <translation>Mijn waarden…</translation>
    </message>
    <message>
        <source>One small thing that fits, in your words</source>
        <translation>Iets kleins dat daarbij past, in je eigen woorden</translation>
    </message>
    <message>
        <source>A small next step</source>
        <translation>Een kleine volgende stap</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optioneel</translation>
    </message>
    <message>
        <source>First, your day so far, only if you like</source>
        <translation>Eerst je dag tot nu toe, alleen als je wilt</translation>
    </message>
    <message>
        <source>Question {number} of {count}</source>
        <translation>Vraag {number} van {count}</translation>
    </message>
    <message>
        <source>A little more, only if you like</source>
        <translation>Nog wat meer, alleen als je wilt</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Overslaan</translation>
    </message>
    <message>
        <source>On to the three questions (Enter)</source>
        <translation>Door naar de drie vragen (Enter)</translation>
    </message>
    <message>
        <source>Leave these open and go on to the three questions (Enter or Esc)</source>
        <translation>Laat deze open en ga door naar de drie vragen (Enter of Esc)</translation>
    </message>
    <message>
        <source>A little more…</source>
        <translation>Nog wat meer…</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Volgende</translation>
    </message>
    <message>
        <source>Body signals, tension, what set it off and a next step; all optional</source>
        <translation>Signalen in je lijf, spanning, de aanleiding en een volgende stap; alles is optioneel</translation>
    </message>
    <message>
        <source>The next question (Enter)</source>
        <translation>Naar de volgende vraag (Enter)</translation>
    </message>
    <message>
        <source>Save to your private journal</source>
        <translation>Opslaan in je eigen dagboek</translation>
    </message>
    <message>
        <source>Your values: {values}</source>
        <translation>Jouw waarden: {values}</translation>
    </message>
    <message>
        <source>You can write down what matters to you; it will show here.</source>
        <translation>Schrijf je op wat voor jou belangrijk is, dan zie je dat hier terug.</translation>
    </message>
    <message>
        <source>Optional note in your own words</source>
        <translation>Een notitie in je eigen woorden, als je wilt</translation>
    </message>
</context>
<context>
    <name>CheckIns</name>
    <message>
        <source>Stress meter</source>
        <translation>Stressmeter</translation>
    </message>
    <message>
        <source>Three short questions: how are you, really?</source>
        <translation>Drie korte vragen: hoe gaat het nu écht met je?</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>Your choices could not be saved ({reason}).</source>
        <translation>Je keuzes konden niet worden opgeslagen ({reason}).</translation>
    </message>
</context>
<context>
    <name>DayRatingDialog</name>
    <message>
        <source>Sleep, energy and focus</source>
        <translation>Slaap, energie en focus</translation>
    </message>
    <message>
        <source>How is your day?</source>
        <translation>Hoe gaat je dag?</translation>
    </message>
    <message>
        <source>Saving now clears today&apos;s ratings.</source>
        <translation>Als je nu opslaat, wis je de cijfers van vandaag.</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nu niet</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>Sluiten zonder op te slaan (Esc)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Overslaan</translation>
    </message>
    <message>
        <source>Leave them open and close (Enter)</source>
        <translation>Open laten en sluiten (Enter)</translation>
    </message>
    <message>
        <source>Save to your private journal (Enter)</source>
        <translation>Opslaan in je eigen dagboek (Enter)</translation>
    </message>
</context>
<context>
    <name>DayRatingPanel</name>
    <message>
        <source>How did I sleep?</source>
        <translation>Hoe heb ik geslapen?</translation>
    </message>
    <message>
        <source>restlessly</source>
        <translation>onrustig</translation>
    </message>
    <message>
        <source>so-so</source>
        <translation>gaat wel</translation>
    </message>
    <message>
        <source>hardly</source>
        <translation>nauwelijks</translation>
    </message>
    <message>
        <source>fairly well</source>
        <translation>vrij goed</translation>
    </message>
    <message>
        <source>well</source>
        <translation>goed</translation>
    </message>
    <message>
        <source>How is my energy?</source>
        <translation>Hoe is mijn energie?</translation>
    </message>
    <message>
        <source>low</source>
        <translation>laag</translation>
    </message>
    <message>
        <source>a bit low</source>
        <translation>wat laag</translation>
    </message>
    <message>
        <source>middling</source>
        <translation>gemiddeld</translation>
    </message>
    <message>
        <source>fairly high</source>
        <translation>vrij hoog</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoog</translation>
    </message>
    <message>
        <source>How is my focus?</source>
        <translation>Hoe is mijn focus?</translation>
    </message>
    <message>
        <source>scattered</source>
        <translation>versnipperd</translation>
    </message>
    <message>
        <source>wandering</source>
        <translation>dwalend</translation>
    </message>
    <message>
        <source>on and off</source>
        <translation>wisselend</translation>
    </message>
    <message>
        <source>fairly clear</source>
        <translation>vrij helder</translation>
    </message>
    <message>
        <source>clear</source>
        <translation>helder</translation>
    </message>
    <message>
        <source>1 is the lowest, 5 the highest. Each may stay open.</source>
        <translation>1 is het laagst, 5 het hoogst. Elke vraag mag open blijven.</translation>
    </message>
</context>
<context>
    <name>DeleteAllDialog</name>
    <message>
        <source>Delete all your data</source>
        <translation>Al je gegevens verwijderen</translation>
    </message>
    <message>
        <source>This deletes every pause, stress-meter answer and day rating in your journal, your values, your favourite and hidden exercises and your stress-pattern answers, from this computer. It cannot be undone. Your settings stay.

If you want a copy first, cancel and choose Export.</source>
        <translation>Hiermee verwijder je alles van deze computer: elke pauze, elk antwoord uit de stressmeter en elk cijfer voor je dag in je dagboek, je waarden, je favoriete en verborgen oefeningen en je antwoorden over stresspatronen. Dit kun je niet ongedaan maken. Je instellingen blijven bewaard.

Wil je eerst een kopie? Kies dan Annuleren en daarna Exporteren.</translation>
    </message>
    <message>
        <source>I understand that this cannot be undone</source>
        <translation>Ik begrijp dat ik dit niet ongedaan kan maken</translation>
    </message>
    <message>
        <source>Delete everything</source>
        <translation>Alles verwijderen</translation>
    </message>
</context>
<context>
    <name>Detectors</name>
    <message>
        <source>Time away from the keyboard</source>
        <translation>Tijd weg van het toetsenbord</translation>
    </message>
    <message>
        <source>Full-screen windows</source>
        <translation>Vensters op volledig scherm</translation>
    </message>
    <message>
        <source>The desktop&apos;s do-not-disturb</source>
        <translation>De niet-storen-stand van de desktop</translation>
    </message>
    <message>
        <source>Microphone in use (calls)</source>
        <translation>Microfoon in gebruik (gesprekken)</translation>
    </message>
    <message>
        <source>Camera in use (calls)</source>
        <translation>Camera in gebruik (gesprekken)</translation>
    </message>
    <message>
        <source>X11 screen saver</source>
        <translation>X11-schermbeveiliging</translation>
    </message>
    <message>
        <source>GNOME (Mutter idle monitor)</source>
        <translation>GNOME (Mutter-inactiviteitsmonitor)</translation>
    </message>
    <message>
        <source>freedesktop screen saver (KDE)</source>
        <translation>freedesktop-schermbeveiliging (KDE)</translation>
    </message>
    <message>
        <source>Wayland idle notification (ext-idle-notify)</source>
        <translation>Wayland-inactiviteitsmelding (ext-idle-notify)</translation>
    </message>
    <message>
        <source>Wayland input idle notification (ext-idle-notify v2)</source>
        <translation>Wayland-inactiviteitsmelding voor invoer (ext-idle-notify v2)</translation>
    </message>
    <message>
        <source>Wayland KDE idle protocol</source>
        <translation>Wayland-inactiviteitsprotocol van KDE</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <source>macOS</source>
        <translation>macOS</translation>
    </message>
    <message>
        <source>X11 (active window)</source>
        <translation>X11 (actief venster)</translation>
    </message>
    <message>
        <source>Wayland window list (wlr foreign toplevel)</source>
        <translation>Wayland-vensterlijst (wlr foreign toplevel)</translation>
    </message>
    <message>
        <source>KDE Plasma window list</source>
        <translation>KDE Plasma-vensterlijst</translation>
    </message>
    <message>
        <source>Windows (notification state)</source>
        <translation>Windows (meldingsstatus)</translation>
    </message>
    <message>
        <source>GNOME settings</source>
        <translation>GNOME-instellingen</translation>
    </message>
    <message>
        <source>notification server (D-Bus)</source>
        <translation>meldingenserver (D-Bus)</translation>
    </message>
    <message>
        <source>sound server (pactl)</source>
        <translation>geluidsserver (pactl)</translation>
    </message>
    <message>
        <source>/proc (video devices)</source>
        <translation>/proc (videoapparaten)</translation>
    </message>
    <message>
        <source>Windows privacy settings</source>
        <translation>Windows-privacyinstellingen</translation>
    </message>
    <message>
        <source>Detectors on this desktop ({desktop}):</source>
        <translation>Detectoren op deze desktop ({desktop}):</translation>
    </message>
    <message>
        <source>none: {reason}</source>
        <translation>geen: {reason}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export your journal</source>
        <translation>Je dagboek exporteren</translation>
    </message>
    <message>
        <source>A copy of your pauses and stress-meter answers, to keep or to open elsewhere. The file is readable only by you; what you do with it is up to you.</source>
        <translation>Een kopie van je pauzes en je antwoorden in de stressmeter, om te bewaren of ergens anders te openen. Alleen jij kunt het bestand lezen; wat je ermee doet, bepaal je zelf.</translation>
    </message>
    <message>
        <source>JSON — complete, can be imported again</source>
        <translation>JSON — volledig, later weer te importeren</translation>
    </message>
    <message>
        <source>CSV — for a spreadsheet</source>
        <translation>CSV — voor een spreadsheet</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>The week shown</source>
        <translation>De getoonde week</translation>
    </message>
    <message>
        <source>From – to:</source>
        <translation>Van – tot en met:</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Eerste dag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Laatste dag</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formaat:</translation>
    </message>
    <message>
        <source>Days:</source>
        <translation>Dagen:</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <source>The first day comes after the last day.</source>
        <translation>De eerste dag ligt na de laatste dag.</translation>
    </message>
</context>
<context>
    <name>FirstRunWindow</name>
    <message>
        <source>Welcome to StressBreak</source>
        <translation>Welkom bij StressBreak</translation>
    </message>
    <message>
        <source>Every so often, a one-minute pause: slow breathing or a short exercise.</source>
        <translation>Af en toe een micropauze van een minuut: rustig ademen of een korte oefening.</translation>
    </message>
    <message>
        <source>A few times a day, the stress meter: three short questions to notice how you are.</source>
        <translation>Een paar keer per dag de stressmeter: drie korte vragen om even stil te staan bij hoe het met je gaat.</translation>
    </message>
    <message>
        <source>A weekly overview of what you noticed. It all stays on this computer.</source>
        <translation>Elke week een overzicht van wat je hebt gemerkt. Alles blijft op deze computer.</translation>
    </message>
    <message>
        <source>Outside these hours StressBreak stays quiet. You can change all of this later in the settings.</source>
        <translation>Buiten deze uren blijft StressBreak stil. Je kunt dit later altijd aanpassen in de instellingen.</translation>
    </message>
    <message>
        <source>Your working day</source>
        <translation>Je werkdag</translation>
    </message>
    <message>
        <source>Where to find it</source>
        <translation>Waar je StressBreak vindt</translation>
    </message>
    <message>
        <source>Working day starts at</source>
        <translation>Werkdag begint om</translation>
    </message>
    <message>
        <source>Working day ends at</source>
        <translation>Werkdag eindigt om</translation>
    </message>
    <message>
        <source>to</source>
        <translation>tot</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>A pause every</source>
        <translation>Micropauze om de</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Werkdagen</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Werktijden</translation>
    </message>
    <message>
        <source>Try a pause now</source>
        <translation>Probeer nu een micropauze</translation>
    </message>
    <message>
        <source>Why this works</source>
        <translation>Waarom dit werkt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>StressBreak lives in the tray, as a small icon. Click it for a pause; its menu has the stress meter, your overview, the settings and this welcome.</source>
        <translation>StressBreak staat als klein pictogram in het systeemvak. Klik erop voor een micropauze; in het menu vind je de stressmeter, je overzicht, de instellingen en dit welkom.</translation>
    </message>
    <message>
        <source>Your desktop shows no tray icon. Right-click StressBreak in your app launcher for a pause, the stress meter or the overview, or type in a terminal: stressbreak pause, stressbreak checkin, stressbreak settings.</source>
        <translation>Je bureaublad heeft geen systeemvak voor het pictogram. Klik met de rechtermuisknop op StressBreak in je app-menu voor een micropauze, de stressmeter of het overzicht, of typ in een terminal: stressbreak pause, stressbreak checkin, stressbreak settings.</translation>
    </message>
</context>
<context>
    <name>FolderEditor</name>
    <message>
        <source>Choose the shared folder</source>
        <translation>Kies de gedeelde map</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
</context>
<context>
    <name>HeartWave</name>
    <message>
        <source>Heart rate</source>
        <translation>Hartslag</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Cijfers</translation>
    </message>
    <message>
        <source>The heart&apos;s figures for this pause</source>
        <translation>De cijfers van je hart in deze micropauze</translation>
    </message>
    <message>
        <source>Your heart</source>
        <translation>Je hart</translation>
    </message>
    <message>
        <source>Hide figures</source>
        <translation>Cijfers verbergen</translation>
    </message>
</context>
<context>
    <name>HourMap</name>
    <message>
        <source>Tension (colour) and body signals (dot) by day and hour</source>
        <translation>Spanning (kleur) en lichaamssignalen (stip) per uur</translation>
    </message>
    <message>
        <source>no number</source>
        <translation>geen getal</translation>
    </message>
    <message>
        <source>body signal</source>
        <translation>signaal</translation>
    </message>
    <message>
        <source>tension {mean}</source>
        <translation>spanning {mean}</translation>
    </message>
    <message>
        <source>no tension noted</source>
        <translation>geen spanning genoteerd</translation>
    </message>
    <message>
        <source>{day} {hour}:00: {checkins}, {tension}, {signals}</source>
        <translation>{day} {hour}:00: {checkins}, {tension}, {signals}</translation>
    </message>
    <message numerus="yes">
        <source>%n stress meters</source>
        <translation>
            <numerusform>stressmeter %n keer ingevuld</numerusform>
            <numerusform>stressmeter %n keer ingevuld</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n body signals</source>
        <translation>
            <numerusform>%n lichaamssignaal</numerusform>
            <numerusform>%n lichaamssignalen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntEditor</name>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
</context>
<context>
    <name>KeyShortcuts</name>
    <message>
        <source>No keys were set. You can choose them here whenever you like.</source>
        <translation>Er zijn geen toetsen ingesteld. Je kunt ze hier kiezen wanneer je wilt.</translation>
    </message>
    <message>
        <source>Your desktop did not set the keys this time. The launcher and the commands work as before.</source>
        <translation>Je bureaublad heeft de toetsen deze keer niet ingesteld. De programmastarter en de opdrachten werken gewoon zoals eerst.</translation>
    </message>
    <message>
        <source>Your desktop&apos;s shortcut service did not answer. The launcher and the commands work as before.</source>
        <translation>De sneltoetsendienst van je bureaublad gaf geen antwoord. De programmastarter en de opdrachten werken gewoon zoals eerst.</translation>
    </message>
    <message>
        <source>no keys</source>
        <translation>geen toetsen</translation>
    </message>
    <message>
        <source>{pause}: a micro-pause. {meter}: the stress meter. Your desktop&apos;s keyboard settings can change them.</source>
        <translation>{pause}: een micropauze. {meter}: de stressmeter. In de toetsenbordinstellingen van je bureaublad kun je ze veranderen.</translation>
    </message>
    <message>
        <source>Choose keys that start a micro-pause or open the stress meter from anywhere. Your desktop shows them to you first and may ask you to confirm.</source>
        <translation>Kies toetsen die overal een micropauze starten of de stressmeter openen. Je bureaublad laat ze je eerst zien en vraagt je misschien om ze te bevestigen.</translation>
    </message>
    <message>
        <source>Start a micro-pause</source>
        <translation>Een micropauze starten</translation>
    </message>
    <message>
        <source>Open the stress meter</source>
        <translation>De stressmeter openen</translation>
    </message>
</context>
<context>
    <name>NoTrayWindow</name>
    <message>
        <source>Without a tray icon</source>
        <translation>Zonder pictogram in het systeemvak</translation>
    </message>
    <message>
        <source>StressBreak is running, without a tray icon</source>
        <translation>StressBreak draait, zonder pictogram in het systeemvak</translation>
    </message>
    <message>
        <source>Your desktop has no system tray, so there is no icon to click. Reminders come all the same. To open StressBreak yourself:</source>
        <translation>Je bureaublad heeft geen systeemvak, dus er is geen pictogram om op te klikken. De herinneringen komen gewoon. Zelf open je StressBreak zo:</translation>
    </message>
    <message>
        <source>Right-click StressBreak in your app launcher for a pause, the stress meter, the weekly overview, the settings or the welcome.</source>
        <translation>Klik met de rechtermuisknop op StressBreak in je programmastarter voor een micropauze, de stressmeter, het weekoverzicht, de instellingen of het welkom.</translation>
    </message>
    <message>
        <source>In your desktop&apos;s keyboard settings you can put a command on keys of your own, for example stressbreak pause.</source>
        <translation>In de toetsenbordinstellingen van je bureaublad kun je een opdracht onder een eigen toetscombinatie zetten, bijvoorbeeld stressbreak pause.</translation>
    </message>
    <message>
        <source>This note comes once; stressbreak status says it again whenever you ask.</source>
        <translation>Dit bericht komt één keer; stressbreak status vertelt het opnieuw wanneer je wilt.</translation>
    </message>
    <message>
        <source>From the launcher</source>
        <translation>Vanuit de programmastarter</translation>
    </message>
    <message>
        <source>With a command, in a terminal or on a key</source>
        <translation>Met een opdracht, in een terminal of onder een toets</translation>
    </message>
    <message>
        <source>With a keyboard shortcut</source>
        <translation>Met een sneltoets</translation>
    </message>
    <message>
        <source>Keyboard shortcut…</source>
        <translation>Sneltoets…</translation>
    </message>
    <message>
        <source>a pause now</source>
        <translation>nu een micropauze</translation>
    </message>
    <message>
        <source>the stress meter</source>
        <translation>de stressmeter</translation>
    </message>
    <message>
        <source>your weekly overview</source>
        <translation>je weekoverzicht</translation>
    </message>
    <message>
        <source>the settings</source>
        <translation>de instellingen</translation>
    </message>
    <message>
        <source>when the next pause comes</source>
        <translation>wanneer de volgende micropauze komt</translation>
    </message>
    <message>
        <source>no reminders for an hour</source>
        <translation>een uur geen herinneringen</translation>
    </message>
    <message>
        <source>stop StressBreak</source>
        <translation>StressBreak afsluiten</translation>
    </message>
    <message>
        <source>Start a pause now</source>
        <translation>Nu een micropauze nemen</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Instellingen…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>StressBreak</source>
        <translation>StressBreak</translation>
    </message>
    <message>
        <source>There is no system tray here, so StressBreak runs without its icon. Reach it through your app launcher (right-click StressBreak) or with the commands stressbreak pause, checkin, overview, settings and quit.</source>
        <translation>Er is hier geen systeemvak, dus StressBreak draait zonder pictogram. Je bereikt het via je programmastarter (rechtermuisknop op StressBreak) of met de opdrachten stressbreak pause, checkin, overview, settings en quit.</translation>
    </message>
</context>
<context>
    <name>OverviewWindow</name>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Four weeks</source>
        <translation>Vier weken</translation>
    </message>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ Vorige week</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Deze week</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>Volgende week ▶</translation>
    </message>
    <message>
        <source>Sleep, energy and focus, week by week</source>
        <translation>Slaap, energie en focus, week na week</translation>
    </message>
    <message>
        <source>Each point is a week: the average tension you noted in the stress meter, the pauses you took, and how you rated your sleep, energy and focus. A gap is a week without entries. Changes that matter come slowly; this shows their direction over months, not a score.</source>
        <translation>Elk punt is een week: de gemiddelde spanning die je in de stressmeter noteerde, de micropauzes die je nam, en welk cijfer je je slaap, energie en focus gaf. Een onderbreking is een week zonder gegevens. Veranderingen die ertoe doen gaan langzaam; dit laat hun richting over maanden zien, geen score.</translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation>d MMM</translation>
    </message>
    <message>
        <source>this week so far, from {day}: {value}</source>
        <translation>deze week tot nu toe, vanaf {day}: {value}</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>d MMM yyyy</translation>
    </message>
    <message>
        <source>Nothing in particular stands out this week. Patterns show here when something comes up a few times.</source>
        <translation>Deze week valt er niets bijzonders op. Komt iets een paar keer terug, dan zie je dat hier.</translation>
    </message>
    <message numerus="yes">
        <source>%n pauses</source>
        <translation>
            <numerusform>%n micropauze</numerusform>
            <numerusform>%n micropauzes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stress meters</source>
        <translation>
            <numerusform>stressmeter %n keer ingevuld</numerusform>
            <numerusform>stressmeter %n keer ingevuld</numerusform>
        </translation>
    </message>
    <message>
        <source>{checkins} ({after} after a pause, {asked} when asked, {own} on your own)</source>
        <translation>{checkins} ({after} na een pauze, {asked} op verzoek, {own} uit jezelf)</translation>
    </message>
    <message numerus="yes">
        <source>%n natural pauses (away from the desk)</source>
        <translation>
            <numerusform>%n natuurlijke pauze (weg van je bureau)</numerusform>
            <numerusform>%n natuurlijke pauzes (weg van je bureau)</numerusform>
        </translation>
    </message>
    <message>
        <source>Per week, the pauses you took and how often you filled in the stress meter: counts to look back on, not a goal to reach.</source>
        <translation>Per week de micropauzes die je nam en hoe vaak je de stressmeter invulde: getallen om op terug te kijken, geen doel om te halen.</translation>
    </message>
    <message>
        <source>{day} {time}</source>
        <translation>{day} {time}</translation>
    </message>
    <message>
        <source>Next step: {step}</source>
        <translation>Volgende stap: {step}</translation>
    </message>
    <message>
        <source>“{note}”</source>
        <translation>“{note}”</translation>
    </message>
    <message>
        <source>Go to the week of</source>
        <translation>Ga naar de week van</translation>
    </message>
    <message>
        <source>Your week</source>
        <translation>Jouw week</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>In de loop van de tijd</translation>
    </message>
    <message>
        <source>Go to the week of a day</source>
        <translation>Ga naar de week van een dag</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>Je gegevens</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importeren…</translation>
    </message>
    <message>
        <source>Report for a coach…</source>
        <translation>Verslag voor je coach…</translation>
    </message>
    <message>
        <source>Delete all data…</source>
        <translation>Alle gegevens verwijderen…</translation>
    </message>
    <message>
        <source>What stands out</source>
        <translation>Wat opvalt</translation>
    </message>
    <message numerus="yes">
        <source>Last %n months</source>
        <translation>
            <numerusform>Afgelopen maand</numerusform>
            <numerusform>Afgelopen %n maanden</numerusform>
        </translation>
    </message>
    <message>
        <source>How far back</source>
        <translation>Hoe ver terug</translation>
    </message>
    <message>
        <source>Tension, week by week</source>
        <translation>Spanning, week na week</translation>
    </message>
    <message>
        <source>Pauses taken, week by week</source>
        <translation>Genomen micropauzes, week na week</translation>
    </message>
    <message>
        <source>Heart rhythm during pauses, week by week</source>
        <translation>Hartritme tijdens micropauzes, week na week</translation>
    </message>
    <message>
        <source>The heart line is the average coherence of the week&apos;s pauses with a strap: from 0 to 1, how closely your heart rhythm followed one slow, even wave. Point at a week for its heart rate and RMSSD.</source>
        <translation>De hartlijn is de gemiddelde coherentie van de micropauzes met een borstband in die week: van 0 tot 1, hoe nauw je hartritme één rustige, gelijkmatige golf volgde. Wijs een week aan voor de hartslag en de RMSSD.</translation>
    </message>
    <message>
        <source>Nothing recorded in these months yet. Week by week, this fills as you take pauses and fill in the stress meter.</source>
        <translation>In deze maanden is nog niets vastgelegd. Week na week vult dit zich als je micropauzes neemt en de stressmeter invult.</translation>
    </message>
    <message>
        <source>What helps me</source>
        <translation>Wat mij helpt</translation>
    </message>
    <message>
        <source>Patterns in your own days, named once they are clear: at least 10 days on each side, and a difference that chance alone would rarely show. They go together; they do not say what causes what. How it is worked out is written down in WHAT_HELPS.md, in StressBreak&apos;s documentation.</source>
        <translation>Patronen in je eigen dagen, genoemd zodra ze duidelijk zijn: minstens 10 dagen aan elke kant, en een verschil dat toeval alleen zelden laat zien. Ze komen samen voor; ze zeggen niet wat wat veroorzaakt. Hoe het berekend wordt, staat in WHAT_HELPS.md, in de documentatie van StressBreak.</translation>
    </message>
    <message>
        <source>Average tension</source>
        <translation>Gemiddelde spanning</translation>
    </message>
    <message>
        <source>Pauses taken</source>
        <translation>Genomen micropauzes</translation>
    </message>
    <message>
        <source>week of {day}: {tension}</source>
        <translation>week van {day}: {tension}</translation>
    </message>
    <message>
        <source>week of {day}: {heart}</source>
        <translation>week van {day}: {heart}</translation>
    </message>
    <message>
        <source>Coherence</source>
        <translation>Coherentie</translation>
    </message>
    <message>
        <source>no heart figures</source>
        <translation>geen hartgegevens</translation>
    </message>
    <message>
        <source>coherence {value}</source>
        <translation>coherentie {value}</translation>
    </message>
    <message>
        <source>heart rate {value}</source>
        <translation>hartslag {value}</translation>
    </message>
    <message>
        <source>RMSSD {value} ms</source>
        <translation>RMSSD {value} ms</translation>
    </message>
    <message numerus="yes">
        <source>%n pauses with a strap</source>
        <translation>
            <numerusform>%n micropauze met een borstband</numerusform>
            <numerusform>%n micropauzes met een borstband</numerusform>
        </translation>
    </message>
    <message>
        <source>no tension noted</source>
        <translation>geen spanning genoteerd</translation>
    </message>
    <message>
        <source>week of {day}: {pauses}</source>
        <translation>week van {day}: {pauses}</translation>
    </message>
    <message>
        <source>no entries</source>
        <translation>geen gegevens</translation>
    </message>
    <message numerus="yes">
        <source>%n pauses taken</source>
        <translation>
            <numerusform>%n micropauze genomen</numerusform>
            <numerusform>%n micropauzes genomen</numerusform>
        </translation>
    </message>
    <message>
        <source>Sleep</source>
        <translation>Slaap</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Focus</translation>
    </message>
    <message>
        <source>week of {day}: {ratings}</source>
        <translation>week van {day}: {ratings}</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>niet ingevuld</translation>
    </message>
    <message>
        <source>Looking at your days…</source>
        <translation>Je dagen worden bekeken…</translation>
    </message>
    <message>
        <source>Nothing to say yet: a pattern is named once your own days show it clearly.</source>
        <translation>Nog niets te zeggen: een patroon wordt genoemd zodra je eigen dagen het duidelijk laten zien.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Breathing</source>
        <translation>Ademhaling</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Behoefte</translation>
    </message>
    <message>
        <source>Belly or chest</source>
        <translation>Buik of borst</translation>
    </message>
    <message>
        <source>Tension</source>
        <translation>Spanning</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Lichaam</translation>
    </message>
    <message>
        <source>Set off by</source>
        <translation>Aanleiding</translation>
    </message>
    <message>
        <source>No stress meter was filled in this week.</source>
        <translation>Deze week is er geen stressmeter ingevuld.</translation>
    </message>
    <message>
        <source>No pause reminders this week.</source>
        <translation>Deze week waren er geen herinneringen voor een micropauze.</translation>
    </message>
    <message>
        <source>No tension noted this week. When you give a number in the stress meter, it shows here.</source>
        <translation>Deze week is er geen spanning genoteerd. Geef je in de stressmeter een getal, dan zie je dat hier.</translation>
    </message>
    <message>
        <source>The stress meters of the week appear here, by day and hour.</source>
        <translation>Hier zie je per dag en uur wanneer je de stressmeter invulde.</translation>
    </message>
    <message>
        <source>Body signals, needs and what set you off appear here once you note them.</source>
        <translation>Lichaamssignalen, behoeften en aanleidingen verschijnen hier zodra je ze noteert.</translation>
    </message>
    <message>
        <source>Nothing recorded yet this week. When you take a pause or fill in the stress meter, your week takes shape here.</source>
        <translation>Deze week is er nog niets vastgelegd. Neem je een micropauze of vul je de stressmeter in, dan krijgt je week hier vorm.</translation>
    </message>
    <message>
        <source>Nothing was recorded this week.</source>
        <translation>In deze week is niets vastgelegd.</translation>
    </message>
    <message>
        <source>Week {week}</source>
        <translation>Week {week}</translation>
    </message>
    <message>
        <source>Stress-meter answers</source>
        <translation>Antwoorden in de stressmeter</translation>
    </message>
    <message>
        <source>Week {week}: {first} – {last}</source>
        <translation>Week {week}: {first} – {last}</translation>
    </message>
</context>
<context>
    <name>PaceFinderWindow</name>
    <message>
        <source>Find my breathing pace</source>
        <translation>Mijn ademtempo vinden</translation>
    </message>
    <message>
        <source>Breathe along with the circle at {count} slow paces: {paces} breaths a minute. Your heart-rate strap shows at which pace your heart rate rises and falls most, and most smoothly, with your breath. That pace may suit your pauses best.</source>
        <translation>Adem mee met de cirkel in {count} rustige tempo&apos;s: {paces} keer per minuut. Je hartslagband laat zien bij welk tempo je hartslag het meest, en het meest vloeiend, met je adem mee op en neer gaat. Dat tempo past misschien het best bij je micropauzes.</translation>
    </message>
    <message numerus="yes">
        <source>It takes %n minutes and needs a heart-rate strap, worn and switched on. You can stop at any moment with Stop or Esc; nothing changes unless you choose it.</source>
        <translation>
            <numerusform>Het duurt %n minuut en je hebt een hartslagband nodig, omgedaan en aangezet. Je kunt op elk moment stoppen met Stoppen of Esc; er verandert niets tenzij jij dat kiest.</numerusform>
            <numerusform>Het duurt %n minuten en je hebt een hartslagband nodig, omgedaan en aangezet. Je kunt op elk moment stoppen met Stoppen of Esc; er verandert niets tenzij jij dat kiest.</numerusform>
        </translation>
    </message>
    <message>
        <source>Heart-rate strap</source>
        <translation>Hartslagband</translation>
    </message>
    <message>
        <source>This is not a medical device. If you feel light-headed, stop and breathe as you normally do.</source>
        <translation>Dit is geen medisch hulpmiddel. Word je licht in je hoofd? Stop dan en adem weer gewoon.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Stap</translation>
    </message>
    <message>
        <source>Breathing phase</source>
        <translation>Ademfase</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Resterende tijd</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Hartslag</translation>
    </message>
    <message>
        <source>Breathe with the words; the ring fills once per breath step.</source>
        <translation>Adem mee met de woorden; de ring loopt één keer rond per ademstap.</translation>
    </message>
    <message>
        <source>Breathe in as the circle grows, out as it shrinks.</source>
        <translation>Adem in als de cirkel groeit, uit als hij kleiner wordt.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Stop now; nothing is changed</source>
        <translation>Nu stoppen; er verandert niets</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Er is niets veranderd.</translation>
    </message>
    <message>
        <source>No heart-rate strap</source>
        <translation>Geen hartslagband</translation>
    </message>
    <message>
        <source>What your heart did</source>
        <translation>Wat je hart deed</translation>
    </message>
    <message>
        <source>How far your heart rate rose and fell with each breath, in beats a minute:</source>
        <translation>Hoeveel je hartslag per ademhaling op en neer ging, in slagen per minuut:</translation>
    </message>
    <message>
        <source>{pace} a minute</source>
        <translation>{pace} per minuut</translation>
    </message>
    <message>
        <source>unclear</source>
        <translation>onduidelijk</translation>
    </message>
    <message>
        <source>{pace} breaths a minute: the strap&apos;s signal was unclear</source>
        <translation>{pace} keer per minuut: het signaal van de band was onduidelijk</translation>
    </message>
    <message>
        <source>{pace} breaths a minute: your heart rate rose and fell by {amount} beats a minute</source>
        <translation>{pace} keer per minuut: je hartslag ging {amount} slagen per minuut op en neer</translation>
    </message>
    <message>
        <source>Keep my current pattern</source>
        <translation>Mijn huidige ademritme houden</translation>
    </message>
    <message>
        <source>Use this pace for my pauses</source>
        <translation>Dit tempo gebruiken voor mijn micropauzes</translation>
    </message>
    <message>
        <source>Your heart rate rose and fell most, and most smoothly, at {pace} breaths a minute. That pace may suit your pauses best.</source>
        <translation>Bij {pace} keer per minuut ging je hartslag het meest, en het meest vloeiend, op en neer. Dat tempo past misschien het best bij je micropauzes.</translation>
    </message>
    <message>
        <source>The strap&apos;s signal was unclear at most paces, so there is no pace to suggest this time. Moistening the strap&apos;s contacts can help for another try.</source>
        <translation>Het signaal van de band was bij de meeste tempo&apos;s onduidelijk, dus deze keer is er geen tempo om voor te stellen. De contactpunten van de band een beetje nat maken helpt vaak bij een volgende poging.</translation>
    </message>
    <message>
        <source>Your heart answered about the same at every pace, so no one pace stands out. Any of these slow paces can suit your pauses.</source>
        <translation>Je hart reageerde bij elk tempo ongeveer hetzelfde, dus geen enkel tempo springt eruit. Elk van deze rustige tempo&apos;s kan bij je micropauzes passen.</translation>
    </message>
    <message>
        <source>Your heart rate did not clearly rise and fall with your breath this time, so there is no pace to suggest. That happens; another day it may show.</source>
        <translation>Je hartslag ging deze keer niet duidelijk met je adem mee op en neer, dus er is geen tempo om voor te stellen. Dat gebeurt; een andere dag kan het zich wel laten zien.</translation>
    </message>
    <message>
        <source>Looking for your heart-rate strap…</source>
        <translation>Je hartslagband wordt gezocht…</translation>
    </message>
    <message>
        <source>Waiting for the first heartbeats…</source>
        <translation>Wachten op de eerste hartslagen…</translation>
    </message>
    <message numerus="yes">
        <source>Your heart: %n beats a minute</source>
        <translation>
            <numerusform>Je hart: %n slag per minuut</numerusform>
            <numerusform>Je hart: %n slagen per minuut</numerusform>
        </translation>
    </message>
    <message>
        <source>Your heart rate is not coming through right now; just keep breathing along.</source>
        <translation>Je hartslag komt nu even niet door; adem gewoon rustig mee.</translation>
    </message>
    <message>
        <source>Bluetooth is not available on this computer right now, so the strap cannot be reached.</source>
        <translation>Bluetooth is op deze computer nu niet beschikbaar, dus de band is niet te bereiken.</translation>
    </message>
    <message>
        <source>This needs a heart-rate strap, and none is set up for StressBreak yet.</source>
        <translation>Hiervoor is een hartslagband nodig, en er is er nog geen ingesteld voor StressBreak.</translation>
    </message>
    <message>
        <source>Your heart-rate strap was not found. Check that it is worn, its contacts a little moist, and switched on; then try again.</source>
        <translation>Je hartslagband is niet gevonden. Kijk of je hem omhebt, de contactpunten een beetje vochtig zijn en hij aanstaat; probeer het dan opnieuw.</translation>
    </message>
    <message>
        <source>Step {number} of {count}: {pace} breaths a minute</source>
        <translation>Stap {number} van {count}: {pace} keer per minuut</translation>
    </message>
    <message>
        <source>{time} left at this pace</source>
        <translation>Nog {time} in dit tempo</translation>
    </message>
</context>
<context>
    <name>Pacer</name>
    <message>
        <source>Breathing pacer</source>
        <translation>Ademcirkel</translation>
    </message>
</context>
<context>
    <name>PauseWindow</name>
    <message>
        <source>Breathing phase</source>
        <translation>Ademfase</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Aanwijzing</translation>
    </message>
    <message>
        <source>Your values: {values}</source>
        <translation>Jouw waarden: {values}</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Resterende tijd</translation>
    </message>
    <message>
        <source>A minute for you</source>
        <translation>Een minuut voor jou</translation>
    </message>
    <message>
        <source>A minute to breathe</source>
        <translation>Een minuut om te ademen</translation>
    </message>
    <message>
        <source>Breathe with the words; the ring fills once per breath step.</source>
        <translation>Adem mee met de woorden; de ring loopt één keer rond per ademstap.</translation>
    </message>
    <message>
        <source>Feeling light-headed? Stop and breathe as you normally do.</source>
        <translation>Word je licht in je hoofd? Stop dan en adem weer gewoon.</translation>
    </message>
    <message>
        <source>A thought to take with you</source>
        <translation>Een gedachte om mee te nemen</translation>
    </message>
    <message>
        <source>End early</source>
        <translation>Eerder stoppen</translation>
    </message>
    <message>
        <source>Stop the pause now (Esc)</source>
        <translation>De micropauze nu stoppen (Esc)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Close this window (Enter or Esc)</source>
        <translation>Dit venster sluiten (Enter of Esc)</translation>
    </message>
    <message>
        <source>Don&apos;t show this one again</source>
        <translation>Deze niet meer laten zien</translation>
    </message>
    <message>
        <source>This exercise will not come back in the rotation</source>
        <translation>Deze oefening komt dan niet meer aan de beurt</translation>
    </message>
    <message>
        <source>Breathe in</source>
        <translation>Adem in</translation>
    </message>
    <message>
        <source>A little more in</source>
        <translation>Nog een beetje erbij</translation>
    </message>
    <message>
        <source>Hold gently</source>
        <translation>Rustig vasthouden</translation>
    </message>
    <message>
        <source>Breathe out</source>
        <translation>Adem uit</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Even leeg blijven</translation>
    </message>
    <message>
        <source>★ Favourite</source>
        <translation>★ Favoriet</translation>
    </message>
    <message>
        <source>☆ Favourite</source>
        <translation>☆ Favoriet</translation>
    </message>
    <message>
        <source>Favourite exercise</source>
        <translation>Favoriete oefening</translation>
    </message>
    <message>
        <source>When exercises take turns, only your favourites come</source>
        <translation>Als oefeningen elkaar afwisselen, komen alleen je favorieten nog langs</translation>
    </message>
    <message>
        <source>It won&apos;t come back</source>
        <translation>Deze komt niet meer terug</translation>
    </message>
    <message>
        <source>That was your pause. Go on at your own pace.</source>
        <translation>Dat was je micropauze. Ga in je eigen tempo verder.</translation>
    </message>
</context>
<context>
    <name>PausesChart</name>
    <message>
        <source>Pauses per day</source>
        <translation>Pauzes per dag</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Afgerond</translation>
    </message>
    <message>
        <source>Ended early</source>
        <translation>Eerder gestopt</translation>
    </message>
    <message>
        <source>Passed by</source>
        <translation>Voorbijgegaan</translation>
    </message>
    <message>
        <source>Let pass</source>
        <translation>Laten gaan</translation>
    </message>
    <message>
        <source>Natural pause</source>
        <translation>Natuurlijke pauze</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Stress patterns</source>
        <translation>Stresspatronen</translation>
    </message>
    <message>
        <source>What stands out</source>
        <translation>Wat opvalt</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nu niet</translation>
    </message>
    <message>
        <source>Close without saving anything (Esc)</source>
        <translation>Sluiten zonder iets op te slaan (Esc)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>StressBreak</source>
        <translation>StressBreak</translation>
    </message>
    <message>
        <source>Would you like a short reflection on your stress patterns?</source>
        <translation>Wil je even stilstaan bij je stresspatronen?</translation>
    </message>
    <message>
        <source>Twelve statements, about three minutes. What stands out shapes the tips at the end of a pause. You can also find it later in the menu.</source>
        <translation>Twaalf uitspraken, ongeveer drie minuten. Wat opvalt, bepaalt welke tips je aan het eind van een micropauze ziet. Je vindt het later ook in het menu.</translation>
    </message>
    <message>
        <source>Yes, now</source>
        <translation>Ja, nu</translation>
    </message>
    <message>
        <source>A short reflection</source>
        <translation>Een korte reflectie</translation>
    </message>
    <message>
        <source>Many people know these three patterns: keeping others happy, getting everything right and taking care of everyone. Each of them grew because, at some time, it protected someone. They are patterns, not labels: they show what you once learned to do, not who you are.</source>
        <translation>Veel mensen kennen deze drie patronen: anderen tevreden houden, alles foutloos willen doen en voor iedereen zorgen. Elk patroon is ooit ontstaan omdat het iemand beschermde. Het zijn patronen, geen etiketten: ze laten zien wat je hebt geleerd, niet wie je bent.</translation>
    </message>
    <message>
        <source>You read twelve short statements and say how much each one is like you. It takes a few minutes, it is entirely up to you, and any statement may stay open. What stands out chooses the tips you see at the end of a pause. Your answers stay on this computer.</source>
        <translation>Je leest twaalf korte uitspraken en geeft bij elke aan in hoeverre die bij je past. Het duurt een paar minuten, het is helemaal aan jou, en elke uitspraak mag open blijven. Wat opvalt, bepaalt welke tips je aan het eind van een micropauze ziet. Je antwoorden blijven op deze computer.</translation>
    </message>
    <message>
        <source>Your last reflection. What stood out then:</source>
        <translation>Je vorige reflectie. Wat er toen opviel:</translation>
    </message>
    <message>
        <source>None of the three patterns stands out right now. That is worth knowing too.</source>
        <translation>Geen van de drie patronen springt er nu uit. Ook dat is het weten waard.</translation>
    </message>
    <message>
        <source>At the end of a pause you will now and then see one of these tips, meant for everyone:</source>
        <translation>Aan het eind van een micropauze zie je af en toe een van deze tips, bedoeld voor iedereen:</translation>
    </message>
    <message>
        <source>Your last reflection: no pattern stood out in particular.</source>
        <translation>Bij je vorige reflectie viel geen patroon in het bijzonder op.</translation>
    </message>
    <message>
        <source>Taking it again replaces those answers.</source>
        <translation>Begin je opnieuw, dan komen je nieuwe antwoorden in de plaats van de oude.</translation>
    </message>
    <message>
        <source>With the keyboard: Tab moves to the next statement, the arrow keys move between the answers, Space chooses one and Enter goes on.</source>
        <translation>Met het toetsenbord: Tab gaat naar de volgende uitspraak, de pijltjestoetsen gaan langs de antwoorden, Spatie kiest er een en Enter gaat verder.</translation>
    </message>
    <message>
        <source>Part {number} of {count}</source>
        <translation>Deel {number} van {count}</translation>
    </message>
    <message>
        <source>How much is each statement like you?</source>
        <translation>In hoeverre past elke uitspraak bij jou?</translation>
    </message>
    <message>
        <source>You can take this reflection again from the menu whenever you like. Patterns shift with time and with what life asks of you.</source>
        <translation>Je kunt deze reflectie via het menu opnieuw doen wanneer je wilt. Patronen verschuiven met de tijd en met wat het leven van je vraagt.</translation>
    </message>
    <message>
        <source>At the end of a pause you will now and then see one of these tips.</source>
        <translation>Aan het eind van een micropauze zie je af en toe een van deze tips.</translation>
    </message>
    <message>
        <source>Begin</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <source>See what stands out</source>
        <translation>Bekijk wat opvalt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Volgende</translation>
    </message>
    <message>
        <source>Things you could try:</source>
        <translation>Wat je kunt proberen:</translation>
    </message>
</context>
<context>
    <name>RatingRow</name>
    <message>
        <source>{question} Arrow keys or a digit choose; Delete clears</source>
        <translation>{question} Kies met de pijltjestoetsen of een cijfer; Delete wist het getal</translation>
    </message>
    <message>
        <source>{value} of {count}: {word}</source>
        <translation>{value} van {count}: {word}</translation>
    </message>
</context>
<context>
    <name>ReminderWindow</name>
    <message>
        <source>Pause reminder</source>
        <translation>Herinnering voor een micropauze</translation>
    </message>
    <message>
        <source>Click to start a one-minute breathing pause, or snooze or skip it.</source>
        <translation>Klik om een micropauze van een minuut te beginnen; je kunt hem ook uitstellen of overslaan.</translation>
    </message>
    <message>
        <source>Not this evening</source>
        <translation>Vanavond niet</translation>
    </message>
    <message>
        <source>A minute to let the day go</source>
        <translation>Een minuut om de dag los te laten</translation>
    </message>
    <message>
        <source>Breathe out slowly, and leave what can wait until tomorrow. Click here to begin.</source>
        <translation>Adem langzaam uit en laat liggen wat tot morgen kan wachten. Klik hier om te beginnen.</translation>
    </message>
    <message>
        <source>Your call just ended</source>
        <translation>Je gesprek is net afgelopen</translation>
    </message>
    <message>
        <source>A minute to breathe? Click here to breathe along.</source>
        <translation>Even een minuut ademen? Klik hier en adem mee.</translation>
    </message>
    <message>
        <source>An extra minute for you</source>
        <translation>Nog een minuut voor jezelf</translation>
    </message>
    <message>
        <source>Earlier you noticed quite a bit of tension. Click here to breathe along for a minute.</source>
        <translation>Je merkte eerder flink wat spanning. Klik hier en adem een minuut mee.</translation>
    </message>
    <message>
        <source>Time for a one-minute pause</source>
        <translation>Tijd voor een micropauze</translation>
    </message>
    <message>
        <source>Click here to breathe along for a minute.</source>
        <translation>Klik hier en adem een minuut mee.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <source>Snooze {minutes} min</source>
        <translation>{minutes} min later</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Overslaan</translation>
    </message>
    <message>
        <source>Start the pause (Enter)</source>
        <translation>De micropauze beginnen (Enter)</translation>
    </message>
    <message>
        <source>Remind me a little later (Esc)</source>
        <translation>Herinner me iets later (Esc)</translation>
    </message>
    <message>
        <source>Not this one; the next comes one interval from now</source>
        <translation>Nu even niet; de volgende komt na de gewone tijd tussen micropauzes</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>A reminder waits because of {reasons}.</source>
        <translation>Een herinnering wacht vanwege {reasons}.</translation>
    </message>
    <message>
        <source>An evening minute to wind down</source>
        <translation>Een avondminuut om tot rust te komen</translation>
    </message>
    <message>
        <source>Click the StressBreak reminder to let the day go.</source>
        <translation>Klik op de herinnering van StressBreak om de dag los te laten.</translation>
    </message>
    <message>
        <source>Time for a one-minute pause</source>
        <translation>Tijd voor een micropauze</translation>
    </message>
    <message>
        <source>Click the StressBreak reminder to breathe along.</source>
        <translation>Klik op de herinnering van StressBreak om mee te ademen.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report for a coach</source>
        <translation>Verslag voor je coach</translation>
    </message>
    <message>
        <source>A PDF of your last weeks to bring to a coach or doctor: pauses, tension, sleep, energy and focus, what came up most, what stood out and what helps.</source>
        <translation>Een pdf van je afgelopen weken, om mee te nemen naar je coach of huisarts: micropauzes, spanning, slaap, energie en focus, wat het vaakst terugkwam, wat opviel en wat helpt.</translation>
    </message>
    <message>
        <source>Weeks, this one included</source>
        <translation>Weken, deze meegerekend</translation>
    </message>
    <message>
        <source>Include what you wrote in your own words</source>
        <translation>Ook opnemen wat je in je eigen woorden schreef</translation>
    </message>
    <message>
        <source>Your notes, next steps and what set a stress meter off. Without them the report holds counts, the answers you chose from the lists, and the observations.</source>
        <translation>Je notities, volgende stappen en aanleidingen. Zonder die teksten bevat het verslag aantallen, de antwoorden die je uit de lijsten koos en de observaties.</translation>
    </message>
    <message>
        <source>Weeks, this one included:</source>
        <translation>Weken, deze meegerekend:</translation>
    </message>
    <message>
        <source>Write the report…</source>
        <translation>Verslag maken…</translation>
    </message>
</context>
<context>
    <name>SensorEditor</name>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>Choose a heart-rate strap</source>
        <translation>Een hartslagband kiezen</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Vergeten</translation>
    </message>
    <message>
        <source>Forget the heart-rate strap</source>
        <translation>De hartslagband vergeten</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <source>Now: {strap}</source>
        <translation>Nu: {strap}</translation>
    </message>
</context>
<context>
    <name>SensorPicker</name>
    <message>
        <source>Choose your heart-rate strap</source>
        <translation>Kies je hartslagband</translation>
    </message>
    <message>
        <source>Put the strap on (moisten its contacts) so that it wakes up; it then shows here. A strap can be connected to one device at a time: disconnect it from your phone&apos;s app first.</source>
        <translation>Doe de band om (maak de contactpunten even vochtig), dan wordt hij wakker en verschijnt hij hier. Een band kan met één apparaat tegelijk verbonden zijn: verbreek eerst de verbinding met de app op je telefoon.</translation>
    </message>
    <message>
        <source>Heart-rate straps nearby</source>
        <translation>Hartslagbanden in de buurt</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Opnieuw zoeken</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Use this strap</source>
        <translation>Deze band gebruiken</translation>
    </message>
    <message>
        <source>No strap found nearby. Put it on so that it wakes up, then choose Look again.</source>
        <translation>Geen band gevonden in de buurt. Doe hem om zodat hij wakker wordt en kies dan Opnieuw zoeken.</translation>
    </message>
    <message>
        <source>Looking for heart-rate straps nearby…</source>
        <translation>Zoeken naar hartslagbanden in de buurt…</translation>
    </message>
    <message numerus="yes">
        <source>%n straps found. Choose yours.</source>
        <translation>
            <numerusform>%n band gevonden. Kies de jouwe.</numerusform>
            <numerusform>%n banden gevonden. Kies de jouwe.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>What still needs a look</source>
        <translation>Wat nog aandacht vraagt</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Standaardwaarden terugzetten</translation>
    </message>
    <message>
        <source>Put every setting back to its default; nothing is saved until you choose Save.</source>
        <translation>Zet elke instelling terug op de standaardwaarde; er wordt pas iets opgeslagen als je Opslaan kiest.</translation>
    </message>
    <message>
        <source>Choose keys…</source>
        <translation>Toetsen kiezen…</translation>
    </message>
    <message>
        <source>Keyboard shortcut</source>
        <translation>Sneltoets</translation>
    </message>
    <message>
        <source>Sharing now</source>
        <translation>Delen op dit moment</translation>
    </message>
    <message>
        <source>In use. This computer&apos;s journal is written to {folder}, and what your other computers wrote is read from there.</source>
        <translation>In gebruik. Het dagboek van deze computer wordt in {folder} geschreven, en wat je andere computers schreven wordt daar gelezen.</translation>
    </message>
    <message>
        <source>Not in use now.</source>
        <translation>Nu niet in gebruik.</translation>
    </message>
    <message>
        <source>Other computers seen there:</source>
        <translation>Andere computers in deze map:</translation>
    </message>
    <message>
        <source>{name}, last seen {when}</source>
        <translation>{name}, laatst gezien {when}</translation>
    </message>
    <message>
        <source>No other computer has written there yet. Once your sync tool brings their files, they show here.</source>
        <translation>Nog geen andere computer heeft hier geschreven. Zodra je synchronisatieprogramma hun bestanden brengt, staan ze hier.</translation>
    </message>
    <message numerus="yes">
        <source>%n files are still arriving; they are read once they are whole.</source>
        <translation>
            <numerusform>%n bestand komt nog binnen; het wordt gelezen zodra het compleet is.</numerusform>
            <numerusform>%n bestanden komen nog binnen; ze worden gelezen zodra ze compleet zijn.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sharing stops when you save. Everything stays on this computer, and what is already in the shared folder stays there.</source>
        <translation>Delen stopt zodra je opslaat. Alles blijft op deze computer, en wat al in de gedeelde map staat, blijft daar ook.</translation>
    </message>
    <message>
        <source>Not saved yet: see {pages}.</source>
        <translation>Nog niet opgeslagen: kijk bij {pages}.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Problem: {setting}</source>
        <translation>Probleem: {setting}</translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message>
        <source>StressBreak could not keep this computer&apos;s id, so it does not share for now.</source>
        <translation>StressBreak kon de id van deze computer niet bewaren en deelt daarom voorlopig niet.</translation>
    </message>
    <message>
        <source>today at {time}</source>
        <translation>vandaag om {time}</translation>
    </message>
    <message>
        <source>yesterday at {time}</source>
        <translation>gisteren om {time}</translation>
    </message>
    <message>
        <source>on {date}</source>
        <translation>op {date}</translation>
    </message>
    <message numerus="yes">
        <source>%n files still arriving: they are read once they are whole.</source>
        <translation>
            <numerusform>%n bestand komt nog binnen: het wordt gelezen zodra het compleet is.</numerusform>
            <numerusform>%n bestanden komen nog binnen: ze worden gelezen zodra ze compleet zijn.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>StressBreak: a pause is under way</source>
        <translation>StressBreak: er loopt een micropauze</translation>
    </message>
    <message>
        <source>StressBreak: a pause is due since {time}</source>
        <translation>StressBreak: sinds {time} staat er een micropauze klaar</translation>
    </message>
    <message>
        <source>StressBreak: a pause is due since {day} {time}</source>
        <translation>StressBreak: sinds {day} {time} staat er een micropauze klaar</translation>
    </message>
    <message>
        <source>StressBreak: reminders paused until {time}</source>
        <translation>StressBreak: geen herinneringen tot {time}</translation>
    </message>
    <message>
        <source>StressBreak: reminders paused until {day} {time}</source>
        <translation>StressBreak: geen herinneringen tot {day} {time}</translation>
    </message>
    <message>
        <source>StressBreak: next pause at {time}</source>
        <translation>StressBreak: volgende micropauze om {time}</translation>
    </message>
    <message>
        <source>StressBreak: next pause {day} at {time}</source>
        <translation>StressBreak: volgende micropauze {day} om {time}</translation>
    </message>
    <message>
        <source>StressBreak: no working days are set, so no pauses are planned</source>
        <translation>StressBreak: er zijn geen werkdagen ingesteld, dus er zijn geen micropauzes gepland</translation>
    </message>
</context>
<context>
    <name>TensionChart</name>
    <message>
        <source>Tension through the week</source>
        <translation>Spanning in de loop van de week</translation>
    </message>
</context>
<context>
    <name>TensionRow</name>
    <message>
        <source>Arrow keys or a digit choose; Home is 0, End is 10, Delete clears</source>
        <translation>Kies met de pijltjestoetsen of een cijfer; Home is 0, End is 10, Delete wist het getal</translation>
    </message>
    <message>
        <source>Tension {value} of 10</source>
        <translation>Spanning {value} van 10</translation>
    </message>
    <message>
        <source>0 is completely calm, 10 the most tension you can imagine.</source>
        <translation>0 is helemaal rustig, 10 de meeste spanning die je je kunt voorstellen.</translation>
    </message>
</context>
<context>
    <name>TimesEditor</name>
    <message>
        <source>No times: the stress meter comes only when you open it.</source>
        <translation>Geen tijden: de stressmeter komt alleen als je hem zelf opent.</translation>
    </message>
    <message>
        <source>Add a time</source>
        <translation>Tijd toevoegen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>{label}, time {number}</source>
        <translation>{label}, tijd {number}</translation>
    </message>
    <message>
        <source>Remove {time}</source>
        <translation>{time} verwijderen</translation>
    </message>
</context>
<context>
    <name>TopChart</name>
    <message>
        <source>What came up most</source>
        <translation>Wat het vaakst terugkwam</translation>
    </message>
    <message>
        <source>Body signals</source>
        <translation>Lichaamssignalen</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Behoeften</translation>
    </message>
    <message>
        <source>Set off by</source>
        <translation>Aanleiding</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Start a pause now</source>
        <translation>Nu een micropauze nemen</translation>
    </message>
    <message>
        <source>Sleep, energy and focus…</source>
        <translation>Slaap, energie en focus…</translation>
    </message>
    <message>
        <source>Weekly overview</source>
        <translation>Weekoverzicht</translation>
    </message>
    <message>
        <source>My values…</source>
        <translation>Mijn waarden…</translation>
    </message>
    <message>
        <source>Stress patterns…</source>
        <translation>Stresspatronen…</translation>
    </message>
    <message>
        <source>Show hidden exercises again</source>
        <translation>Verborgen oefeningen weer tonen</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Instellingen…</translation>
    </message>
    <message>
        <source>Fill in the stress meter now</source>
        <translation>Nu de stressmeter invullen</translation>
    </message>
    <message>
        <source>Find my breathing pace…</source>
        <translation>Mijn ademtempo vinden…</translation>
    </message>
    <message>
        <source>Silence reminders</source>
        <translation>Herinneringen even stil</translation>
    </message>
    <message>
        <source>For 30 minutes</source>
        <translation>30 minuten</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>1 uur</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>Tot morgen</translation>
    </message>
    <message>
        <source>Resume reminders</source>
        <translation>Herinneringen weer aan</translation>
    </message>
    <message>
        <source>Welcome…</source>
        <translation>Welkom…</translation>
    </message>
    <message>
        <source>Why this works</source>
        <translation>Waarom dit werkt</translation>
    </message>
    <message>
        <source>Quit StressBreak</source>
        <translation>StressBreak afsluiten</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>The last four weeks</source>
        <translation>De laatste vier weken</translation>
    </message>
    <message>
        <source>Pauses taken</source>
        <translation>Genomen micropauzes</translation>
    </message>
    <message>
        <source>{week}: {pauses}, {checkins}</source>
        <translation>{week}: {pauses}, {checkins}</translation>
    </message>
    <message numerus="yes">
        <source>%n pauses taken</source>
        <translation>
            <numerusform>%n micropauze genomen</numerusform>
            <numerusform>%n micropauzes genomen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stress meters</source>
        <translation>
            <numerusform>stressmeter %n keer ingevuld</numerusform>
            <numerusform>stressmeter %n keer ingevuld</numerusform>
        </translation>
    </message>
    <message>
        <source>Stress meters</source>
        <translation>Stressmeter ingevuld</translation>
    </message>
</context>
<context>
    <name>ValuesDialog</name>
    <message>
        <source>My values</source>
        <translation>Mijn waarden</translation>
    </message>
    <message>
        <source>What matters to you, in how you work and live? Write one to five short phrases, such as “being honest”, “curiosity” or “time for my family”. They come back in the stress meter, to help you choose a next step.</source>
        <translation>Wat is voor jou belangrijk in hoe je werkt en leeft? Schrijf één tot vijf korte woorden of zinnetjes op, zoals “eerlijk zijn”, “nieuwsgierigheid” of “tijd voor mijn gezin”. Ze komen terug in de stressmeter en helpen je een volgende stap te kiezen.</translation>
    </message>
    <message>
        <source>Value {number}</source>
        <translation>Waarde {number}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
</context>
<context>
    <name>WeeksChart</name>
    <message>
        <source>this week so far</source>
        <translation>deze week tot nu toe</translation>
    </message>
</context>
<context>
    <name>YourData</name>
    <message>
        <source>Nothing was exported: {file} could not be written ({reason}).</source>
        <translation>Er is niets geëxporteerd: {file} kon niet worden geschreven ({reason}).</translation>
    </message>
    <message>
        <source>No report was written: {file} could not be written ({reason}).</source>
        <translation>Er is geen verslag gemaakt: {file} kon niet worden opgeslagen ({reason}).</translation>
    </message>
    <message>
        <source>The report is in {file}.</source>
        <translation>Het verslag staat in {file}.</translation>
    </message>
    <message>
        <source>{file} could not be read ({reason}). Nothing was imported.</source>
        <translation>{file} kon niet worden gelezen ({reason}). Er is niets geïmporteerd.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to {file}.</source>
        <translation>
            <numerusform>%n moment uit je dagboek geëxporteerd naar {file}.</numerusform>
            <numerusform>%n momenten uit je dagboek geëxporteerd naar {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n new entries from {file}.</source>
        <translation>
            <numerusform>%n nieuw moment geïmporteerd uit {file}.</numerusform>
            <numerusform>%n nieuwe momenten geïmporteerd uit {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were already in your journal.</source>
        <translation>
            <numerusform>%n stond al in je dagboek.</numerusform>
            <numerusform>%n stonden al in je dagboek.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries could not be read and were left out (written by a newer StressBreak?).</source>
        <translation>
            <numerusform>%n moment kon niet worden gelezen en is overgeslagen (gemaakt door een nieuwere StressBreak?).</numerusform>
            <numerusform>%n momenten konden niet worden gelezen en zijn overgeslagen (gemaakt door een nieuwere StressBreak?).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of these entries are older than when all data was deleted on {date}; they stay on this computer only.</source>
        <translation>
            <numerusform>%n van deze momenten is ouder dan het wissen van alle gegevens op {date}; dat moment blijft alleen op deze computer.</numerusform>
            <numerusform>%n van deze momenten zijn ouder dan het wissen van alle gegevens op {date}; die blijven alleen op deze computer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not everything could be deleted ({reason}).</source>
        <translation>Niet alles kon worden verwijderd ({reason}).</translation>
    </message>
    <message>
        <source>All your data was deleted.</source>
        <translation>Al je gegevens zijn verwijderd.</translation>
    </message>
    <message>
        <source>Your journal was deleted. Your values and choices could not be reset; the message from the tray says why.</source>
        <translation>Je dagboek is verwijderd. Je waarden en keuzes konden niet worden gewist; de melding bij het systeemvak zegt waarom.</translation>
    </message>
</context>
<context>
    <name>breathing</name>
    <message>
        <source>Even breathing — as long in as out, slow and unhurried: a steady rhythm your body can rest in.</source>
        <translation>Gelijkmatig ademen — even lang in als uit, langzaam en zonder haast: een vast ritme waarin je lichaam tot rust kan komen.</translation>
    </message>
    <message>
        <source>In through the nose</source>
        <translation>In door je neus</translation>
    </message>
    <message>
        <source>A little more, through the nose</source>
        <translation>Nog een beetje, door je neus</translation>
    </message>
    <message>
        <source>A little more</source>
        <translation>Nog een beetje</translation>
    </message>
    <message>
        <source>Slowly out through the mouth</source>
        <translation>Langzaam uit door je mond</translation>
    </message>
    <message>
        <source>Cyclic sigh — two breaths in through the nose, one long breath out through the mouth: a quick way to settle.</source>
        <translation>Cyclisch zuchten — twee keer in door je neus, één keer lang uit door je mond: een snelle manier om tot rust te komen.</translation>
    </message>
    <message>
        <source>Longer out-breath — breathe out a little longer than you breathe in, with no holding: the long out-breath helps your body slow down.</source>
        <translation>Langer uitademen — adem iets langer uit dan in, zonder vast te houden: de lange uitademing helpt je lichaam om te vertragen.</translation>
    </message>
    <message>
        <source>Box breathing — in, hold, out, hold, four seconds each: a steady count to hold on to.</source>
        <translation>Vierkantademhaling — in, vasthouden, uit, vasthouden, steeds vier seconden: een vaste telling die houvast geeft.</translation>
    </message>
    <message>
        <source>Skip the holds if you feel light-headed; just breathe normally.</source>
        <translation>Voel je je licht in het hoofd? Sla het vasthouden dan over en adem gewoon door.</translation>
    </message>
    <message>
        <source>Your own pace — as long in as out, at the slow pace you found suits your body.</source>
        <translation>Je eigen tempo — even lang in als uit, in het rustige tempo dat bij jouw lijf past.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>start StressBreak in the system tray (the default)</source>
        <translation>start StressBreak in het systeemvak (standaard)</translation>
    </message>
    <message>
        <source>start a breathing pause now</source>
        <translation>begin nu een micropauze</translation>
    </message>
    <message>
        <source>open the stress meter now</source>
        <translation>open nu de stressmeter</translation>
    </message>
    <message>
        <source>rate today&apos;s sleep, energy and focus (as in the tray menu)</source>
        <translation>geef je slaap, energie en focus van vandaag een cijfer (zoals in het menu van het systeemvak)</translation>
    </message>
    <message>
        <source>open the weekly overview</source>
        <translation>open het weekoverzicht</translation>
    </message>
    <message>
        <source>open the settings</source>
        <translation>open de instellingen</translation>
    </message>
    <message>
        <source>open the welcome again: what StressBreak does, your working hours, why it helps</source>
        <translation>open het welkom opnieuw: wat StressBreak doet, je werktijden, waarom het helpt</translation>
    </message>
    <message>
        <source>say when the next pause and stress meter are due, and what holds reminders</source>
        <translation>laat zien wanneer de volgende micropauze en stressmeter komen, en wat herinneringen tegenhoudt</translation>
    </message>
    <message>
        <source>no reminders for MINUTES minutes</source>
        <translation>MINUTEN minuten geen herinneringen</translation>
    </message>
    <message>
        <source>reminders again (ends a quiet time)</source>
        <translation>weer herinneringen (beëindigt een stille tijd)</translation>
    </message>
    <message>
        <source>merge an export (FILE.json) into your journal; nothing is added twice</source>
        <translation>een export (BESTAND.json) samenvoegen met je dagboek; niets komt er twee keer in</translation>
    </message>
    <message>
        <source>quit the running StressBreak</source>
        <translation>sluit StressBreak af als het draait</translation>
    </message>
    <message>
        <source>write the journal (or part of it) as CSV or JSON</source>
        <translation>schrijf het dagboek (of een deel ervan) als CSV of JSON</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>gebruik: </translation>
    </message>
    <message>
        <source>options</source>
        <translation>opties</translation>
    </message>
    <message>
        <source>show this help and exit</source>
        <translation>toon deze hulp en stop</translation>
    </message>
    <message>
        <source>{prog}: error: {message}</source>
        <translation>{prog}: fout: {message}</translation>
    </message>
    <message>
        <source>keep the journal and settings in this folder instead of the usual place</source>
        <translation>bewaar het dagboek en de instellingen in deze map in plaats van op de gewone plek</translation>
    </message>
    <message>
        <source>FOLDER</source>
        <translation>MAP</translation>
    </message>
    <message>
        <source>A calm micro-pause assistant in the system tray.</source>
        <translation>Een rustige hulp voor micropauzes, vanuit het systeemvak.</translation>
    </message>
    <message>
        <source>show the version number and exit</source>
        <translation>toon het versienummer en stop</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>opdrachten</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>OPDRACHT</translation>
    </message>
    <message>
        <source>arguments</source>
        <translation>argumenten</translation>
    </message>
    <message>
        <source>MINUTES</source>
        <translation>MINUTEN</translation>
    </message>
    <message>
        <source>from 1 to 1440 (a day)</source>
        <translation>van 1 tot en met 1440 (een dag)</translation>
    </message>
    <message>
        <source>a JSON export of StressBreak (stressbreak export --format json)</source>
        <translation>een JSON-export van StressBreak (stressbreak export --format json)</translation>
    </message>
    <message>
        <source>While StressBreak runs, it does the import (its overview shows the new entries) and this command waits for its answer, at most {minutes} minutes; otherwise this command does it. Either way the exit status is 0 when the file is in your journal (what was there already is not added again, and entries that cannot be read are counted and left out), and 2 when nothing or not all of it could be imported: the file cannot be read or is not a StressBreak export, the journal cannot be written, or StressBreak did not answer in time. Importing the same file again adds only what is missing.</source>
        <translation>Als StressBreak draait, importeert StressBreak het bestand zelf (het weekoverzicht laat de nieuwe momenten dan meteen zien) en wacht deze opdracht op het antwoord, hooguit {minutes} minuten; anders doet deze opdracht het zelf. In beide gevallen is de afsluitcode 0 als het bestand in je dagboek staat (wat er al in stond, komt er niet nog eens bij, en momenten die niet te lezen zijn, worden geteld en overgeslagen), en 2 als er niets of niet alles geïmporteerd kon worden: het bestand is niet te lezen of is geen export van StressBreak, er kan niets in het dagboek worden opgeslagen, of StressBreak antwoordde niet op tijd. Importeer je hetzelfde bestand nog eens, dan komt alleen wat ontbreekt erbij.</translation>
    </message>
    <message>
        <source>replay a heart-rate recording into this pause, as a heart-rate strap would send it: one interval between beats a line, in seconds or milliseconds</source>
        <translation>speel een hartslagopname af in deze micropauze, zoals een hartslagband hem zou sturen: per regel één tijd tussen twee hartslagen, in seconden of milliseconden</translation>
    </message>
    <message>
        <source>print the facts as JSON, for scripts and panels</source>
        <translation>geef de gegevens als JSON, voor scripts en panelen</translation>
    </message>
    <message>
        <source>Dates are local calendar days and both ends are included. Without -o the export goes to standard output; with -o the file is written privately (mode 0600). Only JSON can be imported again.</source>
        <translation>Datums zijn kalenderdagen in je eigen tijdzone; de eerste en de laatste dag tellen allebei mee. Zonder -o gaat de export naar de standaarduitvoer; met -o wordt het bestand privé geschreven (modus 0600). Alleen JSON kun je later weer importeren.</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-DD</translation>
    </message>
    <message>
        <source>csv for a spreadsheet; json to keep, or to import again</source>
        <translation>csv voor een spreadsheet; json om te bewaren of later weer te importeren</translation>
    </message>
    <message>
        <source>leave out what happened before this day</source>
        <translation>laat weg wat er vóór deze dag gebeurde</translation>
    </message>
    <message>
        <source>leave out what happened after this day</source>
        <translation>laat weg wat er na deze dag gebeurde</translation>
    </message>
    <message>
        <source>say what stood out in the last weeks, and the patterns in your days (from your journal)</source>
        <translation>zeggen wat er de afgelopen weken opviel, en welke patronen je dagen laten zien (uit je dagboek)</translation>
    </message>
    <message>
        <source>{value} is not a number of weeks from 1 to {most}</source>
        <translation>{value} is geen aantal weken van 1 tot {most}</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>BESTAND</translation>
    </message>
    <message>
        <source>Exit status: 0 when it is done; 1 when no StressBreak of yours is running to ask (status, quiet, resume, quit); 2 when it could not be done, or not all of it, or the command line is not understood. The message says why.</source>
        <translation>Afsluitcode: 0 als het gelukt is; 1 als er geen StressBreak van jou draait om het aan te vragen (status, quiet, resume, quit); 2 als het niet kon, of niet helemaal, of als de opdracht niet te begrijpen is. De melding zegt waarom.</translation>
    </message>
    <message>
        <source>write to %(metavar)s instead of standard output</source>
        <translation>schrijf naar %(metavar)s in plaats van naar de standaarduitvoer</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>how many weeks, this one included (1 to 52; 1 if not given)</source>
        <translation>hoeveel weken, deze meegerekend (1 tot 52; zonder opgave 1)</translation>
    </message>
    <message>
        <source>write a PDF of the last weeks to bring to a coach or doctor</source>
        <translation>een pdf van de afgelopen weken maken, om mee te nemen naar je coach of huisarts</translation>
    </message>
    <message>
        <source>Pauses, tension, sleep, energy and focus, what came up most, what stood out and what helps. What you wrote in your own words is left out unless you add --free-text. The file is written privately (mode 0600).</source>
        <translation>Micropauzes, spanning, slaap, energie en focus, wat het vaakst terugkwam, wat opviel en wat helpt. Wat je in je eigen woorden schreef, blijft erbuiten, tenzij je --free-text toevoegt. Alleen jij kunt het bestand lezen (modus 0600).</translation>
    </message>
    <message>
        <source>how many weeks, this one included (1 to 12; 4 if not given)</source>
        <translation>hoeveel weken, deze meegerekend (1 tot 12; zonder opgave 4)</translation>
    </message>
    <message>
        <source>include your notes, next steps and what set it off, in your own words</source>
        <translation>ook je notities, volgende stappen en aanleidingen opnemen, in je eigen woorden</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>het pdf-bestand dat gemaakt wordt</translation>
    </message>
    <message>
        <source>StressBreak is not running.</source>
        <translation>StressBreak draait niet.</translation>
    </message>
    <message>
        <source>stressbreak: another StressBreak holds the data folder but does not answer.</source>
        <translation>stressbreak: een andere StressBreak gebruikt de gegevensmap, maar antwoordt niet.</translation>
    </message>
    <message>
        <source>stressbreak: --from {first} is after --to {last}.</source>
        <translation>stressbreak: --from {first} ligt na --to {last}.</translation>
    </message>
    <message>
        <source>stressbreak: {option} wants a date as YYYY-MM-DD, not &quot;{text}&quot;.</source>
        <translation>stressbreak: {option} verwacht een datum als JJJJ-MM-DD, niet &quot;{text}&quot;.</translation>
    </message>
    <message>
        <source>stressbreak: cannot write the export to {path}: {reason}</source>
        <translation>stressbreak: kan de export niet schrijven naar {path}: {reason}</translation>
    </message>
    <message>
        <source>stressbreak: cannot write the report to {path}: {reason}</source>
        <translation>stressbreak: het verslag kan niet worden opgeslagen in {path}: {reason}</translation>
    </message>
    <message>
        <source>{text} is not a whole number of minutes</source>
        <translation>{text} is geen heel aantal minuten</translation>
    </message>
    <message>
        <source>{minutes} is not from 1 to {most}</source>
        <translation>{minutes} ligt niet tussen 1 en {most}</translation>
    </message>
    <message numerus="yes">
        <source>stressbreak: StressBreak is running but did not answer within %n minutes. It may still be busy with what you asked.</source>
        <translation>
            <numerusform>stressbreak: StressBreak draait, maar antwoordde niet binnen %n minuut. Misschien is StressBreak nog bezig met wat je vroeg.</numerusform>
            <numerusform>stressbreak: StressBreak draait, maar antwoordde niet binnen %n minuten. Misschien is StressBreak nog bezig met wat je vroeg.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>stressbreak: StressBreak is running but did not answer within %n seconds. It may still be busy with what you asked.</source>
        <translation>
            <numerusform>stressbreak: StressBreak draait, maar antwoordde niet binnen %n seconde. Misschien is StressBreak nog bezig met wat je vroeg.</numerusform>
            <numerusform>stressbreak: StressBreak draait, maar antwoordde niet binnen %n seconden. Misschien is StressBreak nog bezig met wat je vroeg.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>No reminders until {time}.</source>
        <translation>Geen herinneringen tot {time}.</translation>
    </message>
    <message>
        <source>Reminders are on again. {status}</source>
        <translation>Herinneringen staan weer aan. {status}</translation>
    </message>
    <message>
        <source>StressBreak is already running. {status}</source>
        <translation>StressBreak draait al. {status}</translation>
    </message>
    <message>
        <source>Pause started.</source>
        <translation>Micropauze begonnen.</translation>
    </message>
    <message>
        <source>Stress meter opened.</source>
        <translation>Stressmeter geopend.</translation>
    </message>
    <message>
        <source>Sleep, energy and focus opened.</source>
        <translation>Slaap, energie en focus geopend.</translation>
    </message>
    <message>
        <source>Weekly overview opened.</source>
        <translation>Weekoverzicht geopend.</translation>
    </message>
    <message>
        <source>Settings opened.</source>
        <translation>Instellingen geopend.</translation>
    </message>
    <message>
        <source>Welcome opened.</source>
        <translation>Welkom geopend.</translation>
    </message>
    <message>
        <source>StressBreak is quitting.</source>
        <translation>StressBreak stopt.</translation>
    </message>
</context>
<context>
    <name>content</name>
    <message>
        <source>How is my breathing?</source>
        <translation>Hoe is mijn ademhaling?</translation>
    </message>
    <message>
        <source>Anything else you notice about your breath</source>
        <translation>Wat je verder opmerkt aan je adem</translation>
    </message>
    <message>
        <source>slow</source>
        <translation>langzaam</translation>
    </message>
    <message>
        <source>quick</source>
        <translation>snel</translation>
    </message>
    <message>
        <source>shallow</source>
        <translation>oppervlakkig</translation>
    </message>
    <message>
        <source>deep</source>
        <translation>diep</translation>
    </message>
    <message>
        <source>held back</source>
        <translation>ingehouden</translation>
    </message>
    <message>
        <source>even</source>
        <translation>gelijkmatig</translation>
    </message>
    <message>
        <source>hard to tell</source>
        <translation>moeilijk te zeggen</translation>
    </message>
    <message>
        <source>How do my belly and chest feel?</source>
        <translation>Hoe voelt mijn buik of borst?</translation>
    </message>
    <message>
        <source>Where do you feel it, and how</source>
        <translation>Waar voel je het, en hoe</translation>
    </message>
    <message>
        <source>soft</source>
        <translation>zacht</translation>
    </message>
    <message>
        <source>tight</source>
        <translation>strak</translation>
    </message>
    <message>
        <source>fluttery</source>
        <translation>kriebelig</translation>
    </message>
    <message>
        <source>heavy</source>
        <translation>zwaar</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>warm</translation>
    </message>
    <message>
        <source>restless</source>
        <translation>onrustig</translation>
    </message>
    <message>
        <source>not much to feel</source>
        <translation>weinig te voelen</translation>
    </message>
    <message>
        <source>What do I really need right now?</source>
        <translation>Wat heb ik nu écht nodig?</translation>
    </message>
    <message>
        <source>In your own words</source>
        <translation>In je eigen woorden</translation>
    </message>
    <message>
        <source>rest</source>
        <translation>rust</translation>
    </message>
    <message>
        <source>to move</source>
        <translation>bewegen</translation>
    </message>
    <message>
        <source>fresh air</source>
        <translation>frisse lucht</translation>
    </message>
    <message>
        <source>a drink or a bite</source>
        <translation>iets drinken of eten</translation>
    </message>
    <message>
        <source>quiet</source>
        <translation>stilte</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contact</translation>
    </message>
    <message>
        <source>one thing at a time</source>
        <translation>één ding tegelijk</translation>
    </message>
    <message>
        <source>a boundary</source>
        <translation>een grens</translation>
    </message>
    <message>
        <source>kindness to myself</source>
        <translation>mild zijn voor mezelf</translation>
    </message>
    <message>
        <source>What do I notice in my body?</source>
        <translation>Wat voel ik in mijn lichaam?</translation>
    </message>
    <message>
        <source>Anything else your body tells you</source>
        <translation>Wat je lichaam je verder vertelt</translation>
    </message>
    <message>
        <source>tense muscles</source>
        <translation>gespannen spieren</translation>
    </message>
    <message>
        <source>clenched jaw</source>
        <translation>geklemde kaken</translation>
    </message>
    <message>
        <source>raised shoulders</source>
        <translation>opgetrokken schouders</translation>
    </message>
    <message>
        <source>held breath</source>
        <translation>ingehouden adem</translation>
    </message>
    <message>
        <source>racing heart</source>
        <translation>snelle hartslag</translation>
    </message>
    <message>
        <source>knot in the stomach</source>
        <translation>knoop in de maag</translation>
    </message>
    <message>
        <source>restlessness</source>
        <translation>onrust</translation>
    </message>
    <message>
        <source>irritation</source>
        <translation>irritatie</translation>
    </message>
    <message>
        <source>tiredness</source>
        <translation>vermoeidheid</translation>
    </message>
    <message>
        <source>headache</source>
        <translation>hoofdpijn</translation>
    </message>
</context>
<context>
    <name>cues</name>
    <message>
        <source>No sound player found (afplay is missing).</source>
        <translation>Geen geluidsspeler gevonden (afplay ontbreekt).</translation>
    </message>
    <message>
        <source>No sound player found (install pipewire-bin, pulseaudio-utils or alsa-utils).</source>
        <translation>Geen geluidsspeler gevonden (installeer pipewire-bin, pulseaudio-utils of alsa-utils).</translation>
    </message>
    <message>
        <source>No speech engine found (the say command is missing).</source>
        <translation>Geen spraakprogramma gevonden (het commando say ontbreekt).</translation>
    </message>
    <message>
        <source>No speech engine found (install eSpeak NG).</source>
        <translation>Geen spraakprogramma gevonden (installeer eSpeak NG).</translation>
    </message>
    <message>
        <source>No speech engine found (install speech-dispatcher or espeak-ng).</source>
        <translation>Geen spraakprogramma gevonden (installeer speech-dispatcher of espeak-ng).</translation>
    </message>
</context>
<context>
    <name>exercises</name>
    <message>
        <source>Breathing</source>
        <translation>Ademen</translation>
    </message>
    <message>
        <source>Breathe along with the circle. Nothing else needs you now.</source>
        <translation>Adem mee met de cirkel. Verder hoeft er nu even niets.</translation>
    </message>
    <message>
        <source>Body check</source>
        <translation>Lichaamscheck</translation>
    </message>
    <message>
        <source>Notice your jaw and your face. Tight, loose, somewhere in between?</source>
        <translation>Voel je kaak en je gezicht. Gespannen, los, of ergens daartussenin?</translation>
    </message>
    <message>
        <source>Notice your shoulders and your hands. Just see what is there.</source>
        <translation>Voel je schouders en je handen. Kijk alleen wat er is.</translation>
    </message>
    <message>
        <source>Notice your breath, quick or slow, high or low. Let it be as it is.</source>
        <translation>Let op je adem: snel of langzaam, hoog of laag. Laat hem zoals hij is.</translation>
    </message>
    <message>
        <source>Dropping anchor</source>
        <translation>Anker uitwerpen</translation>
    </message>
    <message>
        <source>When thoughts and feelings pull hard, drop an anchor.</source>
        <translation>Trekken gedachten en gevoelens hard aan je? Werp dan een anker uit.</translation>
    </message>
    <message>
        <source>Notice what is here inside you: a thought, a feeling, an urge. Name it quietly.</source>
        <translation>Merk op wat er nu in je omgaat: een gedachte, een gevoel, een neiging. Benoem het zachtjes.</translation>
    </message>
    <message>
        <source>Come back into your body: press your feet into the floor and your hands together.</source>
        <translation>Kom terug in je lichaam: druk je voeten tegen de vloer en je handen tegen elkaar.</translation>
    </message>
    <message>
        <source>Look around you and name three things you see.</source>
        <translation>Kijk om je heen en noem drie dingen die je ziet.</translation>
    </message>
    <message>
        <source>Listen and name two things you hear. You are here, now.</source>
        <translation>Luister en noem twee dingen die je hoort. Je bent hier, nu.</translation>
    </message>
    <message>
        <source>Making room</source>
        <translation>Ruimte maken</translation>
    </message>
    <message>
        <source>Make room for a feeling, without fixing it.</source>
        <translation>Maak ruimte voor een gevoel, zonder het op te lossen.</translation>
    </message>
    <message>
        <source>Find a feeling that is uncomfortable right now. Where in your body do you feel it?</source>
        <translation>Zoek een gevoel dat nu ongemakkelijk is. Waar in je lichaam voel je het?</translation>
    </message>
    <message>
        <source>Breathe towards it, as if your breath could flow around it.</source>
        <translation>Adem ernaartoe, alsof je adem eromheen kan stromen.</translation>
    </message>
    <message>
        <source>Let it be there. You don&apos;t have to like it; only allow it for a moment.</source>
        <translation>Laat het er zijn. Je hoeft het niet fijn te vinden; sta het alleen even toe.</translation>
    </message>
    <message>
        <source>It is there, and so are you. It can come along.</source>
        <translation>Het is er, en jij bent er ook. Het mag meekomen.</translation>
    </message>
    <message>
        <source>Values moment</source>
        <translation>Waardenmoment</translation>
    </message>
    <message>
        <source>Choose your next step from what matters to you, not from the tension.</source>
        <translation>Kies je volgende stap vanuit wat jij belangrijk vindt, niet vanuit je spanning.</translation>
    </message>
    <message>
        <source>What matters to me in the next hour?</source>
        <translation>Wat is voor mij belangrijk in het komende uur?</translation>
    </message>
    <message>
        <source>Which of the things you care about wants some room today?</source>
        <translation>Welk van de dingen die je belangrijk vindt, vraagt vandaag om wat ruimte?</translation>
    </message>
    <message>
        <source>What small step fits with that?</source>
        <translation>Welke kleine stap past daarbij?</translation>
    </message>
    <message>
        <source>Take that one step with you.</source>
        <translation>Neem die ene stap met je mee.</translation>
    </message>
    <message>
        <source>Words, not facts</source>
        <translation>Woorden, geen feiten</translation>
    </message>
    <message>
        <source>Thoughts are words your mind makes, not orders or facts.</source>
        <translation>Gedachten zijn woorden die je hoofd maakt, geen opdrachten of feiten.</translation>
    </message>
    <message>
        <source>Notice a thought that keeps coming back.</source>
        <translation>Zoek een gedachte die steeds terugkomt.</translation>
    </message>
    <message>
        <source>Say to yourself: “I notice I&apos;m having the thought that …”</source>
        <translation>Zeg tegen jezelf: “Ik merk dat ik de gedachte heb dat …”</translation>
    </message>
    <message>
        <source>Only notice, without judging; that alone helps you settle. Nothing needs to change.</source>
        <translation>Alleen opmerken, zonder oordeel; dat alleen al brengt rust. Niets hoeft te veranderen.</translation>
    </message>
    <message>
        <source>Notice your belly. Whatever you find may be there.</source>
        <translation>Voel je buik. Wat je ook vindt, het mag er zijn.</translation>
    </message>
    <message>
        <source>Notice the little space this puts between you and the thought.</source>
        <translation>Voel hoe dat een beetje ruimte geeft tussen jou en de gedachte.</translation>
    </message>
    <message>
        <source>The thought may stay. You choose what you do next.</source>
        <translation>De gedachte mag blijven. Jij kiest wat je hierna doet.</translation>
    </message>
    <message>
        <source>Feel your limit, name it</source>
        <translation>Je grens voelen en benoemen</translation>
    </message>
    <message>
        <source>“Too much” often shows in the body before the head admits it.</source>
        <translation>“Te veel” voel je vaak eerder in je lijf dan dat je hoofd het toegeeft.</translation>
    </message>
    <message>
        <source>Think of something that asks a lot of you today. Where in your body does “too much” show?</source>
        <translation>Denk aan iets wat vandaag veel van je vraagt. Waar in je lijf merk je dat het “te veel” is?</translation>
    </message>
    <message>
        <source>A tight throat, a heavy chest, a clenched jaw? Notice it, without arguing with it.</source>
        <translation>Een dichtgeknepen keel, een zware borst, een gespannen kaak? Merk het op, zonder ertegenin te gaan.</translation>
    </message>
    <message>
        <source>This is your limit making itself felt. It may be there.</source>
        <translation>Zo laat je grens zich voelen. Dat mag er zijn.</translation>
    </message>
    <message>
        <source>Find one sentence you could say, such as: “I can do this tomorrow, not today.”</source>
        <translation>Zoek één zin die je zou kunnen zeggen, zoals: “Dit kan morgen, vandaag niet meer.”</translation>
    </message>
    <message>
        <source>When the worrying comes back</source>
        <translation>Als het piekeren terugkomt</translation>
    </message>
    <message>
        <source>Worrying and doom-thinking are your mind&apos;s way of trying to keep you safe. You don&apos;t have to go along.</source>
        <translation>Piekeren en doemdenken zijn de manier waarop je hoofd je veilig probeert te houden. Je hoeft er niet in mee te gaan.</translation>
    </message>
    <message>
        <source>Notice the thought that keeps returning. Don&apos;t go into it; only see that it is there.</source>
        <translation>Merk de gedachte op die steeds terugkomt. Ga er niet op in; zie alleen dat hij er is.</translation>
    </message>
    <message>
        <source>Give it a kind name: “There is the worrying again.” Or: “Ah, the doom story.”</source>
        <translation>Geef het een vriendelijke naam: “Daar is het piekeren weer.” Of: “Ha, het doemverhaal.”</translation>
    </message>
    <message>
        <source>Picture it on a leaf drifting down a stream. Or give it a time later today to come back to.</source>
        <translation>Zie hem voor je op een blaadje dat wegdrijft op een beekje. Of geef hem een moment later vandaag om erop terug te komen.</translation>
    </message>
    <message>
        <source>Now come back to your senses: feel your feet, hear one sound, see one colour.</source>
        <translation>Kom nu terug bij je zintuigen: voel je voeten, hoor één geluid, zie één kleur.</translation>
    </message>
    <message>
        <source>Rest you don&apos;t have to earn</source>
        <translation>Rust hoef je niet te verdienen</translation>
    </message>
    <message>
        <source>Rest is not a prize for a finished list. It is part of how you keep going.</source>
        <translation>Rust is geen beloning voor een afgevinkt lijstje. Het hoort bij hoe je het volhoudt.</translation>
    </message>
    <message>
        <source>Notice what comes up when you stop: restlessness, guilt, a list in your head. Let it be there.</source>
        <translation>Merk op wat er opkomt als je stopt: onrust, schuldgevoel, een lijstje in je hoofd. Laat het er zijn.</translation>
    </message>
    <message>
        <source>Where do you feel the urge to get going again? Breathe out slowly, towards that place.</source>
        <translation>Waar voel je de drang om weer aan de slag te gaan? Adem langzaam uit, naar die plek toe.</translation>
    </message>
    <message>
        <source>Tell yourself: “This minute is part of the work, not time taken from it.”</source>
        <translation>Zeg tegen jezelf: “Deze minuut hoort bij het werk, hij gaat er niet van af.”</translation>
    </message>
    <message>
        <source>The list will still be there in a minute. For now you may simply sit.</source>
        <translation>Je lijstje is er over een minuut ook nog. Nu mag je gewoon even zitten.</translation>
    </message>
    <message>
        <source>Letting the day go</source>
        <translation>De dag loslaten</translation>
    </message>
    <message>
        <source>A minute for the evening: slow breathing, and leaving what can wait until tomorrow.</source>
        <translation>Een minuut voor de avond: rustig ademen, en laten liggen wat tot morgen kan wachten.</translation>
    </message>
    <message>
        <source>Breathe in through your nose for about four counts, and out slowly for six. The out-breath is the longest.</source>
        <translation>Adem door je neus in, zo&apos;n vier tellen, en adem in zes tellen rustig uit. De uitademing duurt het langst.</translation>
    </message>
    <message>
        <source>Keep breathing like this. With each out-breath, let your shoulders sink a little.</source>
        <translation>Adem zo door. Laat bij elke uitademing je schouders een beetje zakken.</translation>
    </message>
    <message>
        <source>What can wait until tomorrow? Name it, and put it down for tonight.</source>
        <translation>Wat kan tot morgen wachten? Benoem het, en leg het voor vanavond neer.</translation>
    </message>
    <message>
        <source>The day is done, just as it is. Breathe out, and let it go.</source>
        <translation>De dag is voorbij, precies zoals hij was. Adem uit, en laat hem gaan.</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>This file cannot be imported: it is not a StressBreak export (it is not JSON).</source>
        <translation>Dit bestand kan niet worden geïmporteerd: het is geen StressBreak-export (het is geen JSON).</translation>
    </message>
    <message>
        <source>This file cannot be imported: it is not a StressBreak export.</source>
        <translation>Dit bestand kan niet worden geïmporteerd: het is geen StressBreak-export.</translation>
    </message>
    <message>
        <source>This file cannot be imported: the StressBreak export in it is incomplete or damaged.</source>
        <translation>Dit bestand kan niet worden geïmporteerd: de StressBreak-export erin is onvolledig of beschadigd.</translation>
    </message>
    <message>
        <source>This file was exported by a newer StressBreak (export version {version}). Update StressBreak to import it.</source>
        <translation>Dit bestand is geëxporteerd door een nieuwere StressBreak (exportversie {version}). Werk StressBreak bij om het te importeren.</translation>
    </message>
</context>
<context>
    <name>heart</name>
    <message numerus="yes">
        <source>%n beats a minute</source>
        <translation>
            <numerusform>%n slag per minuut</numerusform>
            <numerusform>%n slagen per minuut</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking for your heart-rate strap…</source>
        <translation>Je hartslagband wordt gezocht…</translation>
    </message>
    <message>
        <source>No strap found; the pause goes on as usual.</source>
        <translation>Geen hartslagband gevonden; de micropauze gaat gewoon door.</translation>
    </message>
    <message>
        <source>The strap&apos;s signal has gone; the pause goes on as usual.</source>
        <translation>Het signaal van de hartslagband is weg; de micropauze gaat gewoon door.</translation>
    </message>
    <message>
        <source>Bluetooth is not available; the pause goes on as usual.</source>
        <translation>Bluetooth is hier niet beschikbaar; de micropauze gaat gewoon door.</translation>
    </message>
    <message>
        <source>The recording has ended; the pause goes on as usual.</source>
        <translation>De opname is afgelopen; de micropauze gaat gewoon door.</translation>
    </message>
    <message>
        <source>The strap&apos;s signal is unsteady just now.</source>
        <translation>Het signaal van de hartslagband is even onrustig.</translation>
    </message>
    <message>
        <source>Waiting for the first beats…</source>
        <translation>Even wachten op de eerste hartslagen…</translation>
    </message>
    <message>
        <source>The strap&apos;s signal was too unsteady this time to say how your heart followed your breath.</source>
        <translation>Het signaal van de hartslagband was deze keer te onrustig om te zeggen hoe je hart je adem volgde.</translation>
    </message>
    <message>
        <source>The heart needs about half a minute of beats to show how it follows the breath; there were fewer this time.</source>
        <translation>Je hart heeft ongeveer een halve minuut aan hartslagen nodig om te laten zien hoe het je adem volgt; deze keer waren het er minder.</translation>
    </message>
    <message>
        <source>Your heart kept its own rhythm this time; that is fine to notice.</source>
        <translation>Je hart hield deze keer zijn eigen ritme aan; ook dat mag je gewoon opmerken.</translation>
    </message>
    <message>
        <source>Your heart followed your breath closely this time.</source>
        <translation>Je hart volgde je adem deze keer nauw.</translation>
    </message>
    <message>
        <source>Your heart began to follow your breath.</source>
        <translation>Je hart begon je adem te volgen.</translation>
    </message>
    <message>
        <source>Your strap sent its heart rate but not the time between beats, so this time there is nothing to say about how your heart followed your breath.</source>
        <translation>Je band stuurde je hartslag door, maar niet de tijd tussen de slagen. Daarom valt er deze keer niets te zeggen over hoe je hart je adem volgde.</translation>
    </message>
    <message>
        <source>Mean heart rate</source>
        <translation>Gemiddelde hartslag</translation>
    </message>
    <message>
        <source>Beat-to-beat variation (RMSSD)</source>
        <translation>Variatie van slag tot slag (RMSSD)</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
    <message>
        <source>Coherence (0 to 1)</source>
        <translation>Coherentie (0 tot 1)</translation>
    </message>
    <message>
        <source>Breathing pace of the wave</source>
        <translation>Ademtempo van de golf</translation>
    </message>
    <message>
        <source>{pace} breaths a minute</source>
        <translation>{pace} ademhalingen per minuut</translation>
    </message>
    <message>
        <source>StressBreak is not a medical device.</source>
        <translation>StressBreak is geen medisch hulpmiddel.</translation>
    </message>
    <message>
        <source>{file} could not be read ({reason}).</source>
        <translation>{file} kon niet worden gelezen ({reason}).</translation>
    </message>
    <message>
        <source>{file} is not a heart-rate recording: {reason}. Expected one interval between beats a line, in seconds or milliseconds.</source>
        <translation>{file} is geen hartslagopname: {reason}. Verwacht wordt per regel één tijd tussen twee hartslagen, in seconden of milliseconden.</translation>
    </message>
</context>
<context>
    <name>helps</name>
    <message numerus="yes">
        <source>%n days against {other}</source>
        <translation>
            <numerusform>%n dag tegenover {other}</numerusform>
            <numerusform>%n dagen tegenover {other}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>After a pause, your next stress meter (within two hours) showed {size} more tension on average than the other stress meters of the same day (%n days).</source>
        <translation>
            <numerusform>Na een micropauze liet je eerstvolgende stressmeter (binnen twee uur) gemiddeld {size} meer spanning zien dan je andere stressmeters van die dag (%n dag).</numerusform>
            <numerusform>Na een micropauze liet je eerstvolgende stressmeter (binnen twee uur) gemiddeld {size} meer spanning zien dan je andere stressmeters van die dag (%n dagen).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>After a pause, your next stress meter (within two hours) was {size} calmer on average than the other stress meters of the same day (%n days).</source>
        <translation>
            <numerusform>Na een micropauze was je eerstvolgende stressmeter (binnen twee uur) gemiddeld {size} rustiger dan je andere stressmeters van die dag (%n dag).</numerusform>
            <numerusform>Na een micropauze was je eerstvolgende stressmeter (binnen twee uur) gemiddeld {size} rustiger dan je andere stressmeters van die dag (%n dagen).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>After days with %n or more pauses, you rated your {rating} {size} higher the next day, on average ({days}).</source>
        <translation>
            <numerusform>Na dagen met %n of meer micropauzes gaf je je {rating} de dag erna gemiddeld {size} punt hoger ({days}).</numerusform>
            <numerusform>Na dagen met %n of meer micropauzes gaf je je {rating} de dag erna gemiddeld {size} punt hoger ({days}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>After days with %n or more pauses, you rated your {rating} {size} lower the next day, on average ({days}).</source>
        <translation>
            <numerusform>Na dagen met %n of meer micropauzes gaf je je {rating} de dag erna gemiddeld {size} punt lager ({days}).</numerusform>
            <numerusform>Na dagen met %n of meer micropauzes gaf je je {rating} de dag erna gemiddeld {size} punt lager ({days}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>On days with %n or more pauses, your afternoon tension was {size} higher on average ({days}).</source>
        <translation>
            <numerusform>Op dagen met %n of meer micropauzes was je spanning &apos;s middags gemiddeld {size} hoger ({days}).</numerusform>
            <numerusform>Op dagen met %n of meer micropauzes was je spanning &apos;s middags gemiddeld {size} hoger ({days}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>On days with %n or more pauses, your afternoon tension was {size} lower on average ({days}).</source>
        <translation>
            <numerusform>Op dagen met %n of meer micropauzes was je spanning &apos;s middags gemiddeld {size} lager ({days}).</numerusform>
            <numerusform>Op dagen met %n of meer micropauzes was je spanning &apos;s middags gemiddeld {size} lager ({days}).</numerusform>
        </translation>
    </message>
    <message>
        <source>sleep</source>
        <translation>slaap</translation>
    </message>
    <message>
        <source>energy</source>
        <translation>energie</translation>
    </message>
    <message>
        <source>focus</source>
        <translation>focus</translation>
    </message>
    <message>
        <source>After a pause with “{exercise}”, your next stress meter was {size} calmer on average than after pauses with other exercises ({days}).</source>
        <translation>Na een micropauze met “{exercise}” was je eerstvolgende stressmeter gemiddeld {size} rustiger dan na micropauzes met andere oefeningen ({days}).</translation>
    </message>
</context>
<context>
    <name>idle</name>
    <message>
        <source>No idle-time source was found on this Mac (ioreg did not report HIDIdleTime).</source>
        <translation>Er is op deze Mac geen bron voor inactiviteit gevonden (ioreg meldde geen HIDIdleTime).</translation>
    </message>
    <message>
        <source>No idle-time source was found on this desktop (no X display and no D-Bus session bus).</source>
        <translation>Er is op deze desktop geen bron voor inactiviteit gevonden (geen X-display en geen D-Bus-sessiebus).</translation>
    </message>
    <message>
        <source>No idle-time source was found on this desktop (no X display, and neither GNOME nor KDE answered over D-Bus).</source>
        <translation>Er is op deze desktop geen bron voor inactiviteit gevonden (geen X-display, en GNOME noch KDE gaf antwoord via D-Bus).</translation>
    </message>
    <message>
        <source>No idle-time source was found on this desktop (the Wayland compositor could not be reached, and GNOME&apos;s idle monitor did not answer).</source>
        <translation>Er is op deze desktop geen bron voor inactiviteit gevonden (de Wayland-compositor was niet bereikbaar, en de inactiviteitsmonitor van GNOME gaf geen antwoord).</translation>
    </message>
    <message>
        <source>No idle-time source was found on this desktop (the Wayland compositor refused its idle notification, and GNOME&apos;s idle monitor did not answer).</source>
        <translation>Er is op deze desktop geen bron voor inactiviteit gevonden (de Wayland-compositor weigerde de melding van inactiviteit, en de inactiviteitsmonitor van GNOME gaf geen antwoord).</translation>
    </message>
    <message>
        <source>No idle-time source was found on this desktop (the Wayland compositor offers no idle notification, and GNOME&apos;s idle monitor did not answer).</source>
        <translation>Er is op deze desktop geen bron voor inactiviteit gevonden (de Wayland-compositor meldt geen inactiviteit, en de inactiviteitsmonitor van GNOME gaf geen antwoord).</translation>
    </message>
    <message>
        <source>No idle-time source was found on this desktop (the XScreenSaver library libXss is not installed).</source>
        <translation>Er is op deze desktop geen bron voor inactiviteit gevonden (de XScreenSaver-bibliotheek libXss is niet geïnstalleerd).</translation>
    </message>
    <message>
        <source>No idle-time source was found on this desktop (the X display cannot be opened).</source>
        <translation>Er is op deze desktop geen bron voor inactiviteit gevonden (het X-display kan niet worden geopend).</translation>
    </message>
    <message>
        <source>No idle-time source was found on this desktop (X11 without the XScreenSaver extension).</source>
        <translation>Er is op deze desktop geen bron voor inactiviteit gevonden (X11 zonder de XScreenSaver-extensie).</translation>
    </message>
    <message>
        <source>No idle-time source was found (Windows did not answer GetLastInputInfo).</source>
        <translation>Er is geen bron voor inactiviteit gevonden (Windows gaf geen antwoord op GetLastInputInfo).</translation>
    </message>
</context>
<context>
    <name>insights</name>
    <message>
        <source>Monday</source>
        <translation>maandag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>dinsdag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>woensdag</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>donderdag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>vrijdag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>zaterdag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>zondag</translation>
    </message>
    <message>
        <source>Tension was highest in the early hours of {day}.</source>
        <translation>De spanning was het hoogst in de vroege uurtjes van {day}.</translation>
    </message>
    <message>
        <source>Tension was highest on {day} morning.</source>
        <translation>De spanning was het hoogst op {day}ochtend.</translation>
    </message>
    <message>
        <source>Tension was highest on {day} afternoon.</source>
        <translation>De spanning was het hoogst op {day}middag.</translation>
    </message>
    <message>
        <source>Tension was highest on {day} evening.</source>
        <translation>De spanning was het hoogst op {day}avond.</translation>
    </message>
    <message>
        <source>“{trigger}” came up {count} times as a trigger.</source>
        <translation>“{trigger}” noemde je {count} keer als aanleiding.</translation>
    </message>
    <message>
        <source>“{signal}” was the body signal you noticed most often: {count} times.</source>
        <translation>“{signal}” was het lichaamssignaal dat je het vaakst opmerkte: {count} keer.</translation>
    </message>
    <message>
        <source>“{need}” was the need you named most often: {count} times.</source>
        <translation>“{need}” was de behoefte die je het vaakst noemde: {count} keer.</translation>
    </message>
    <message>
        <source>Reminders passed without a pause most often on {day}: {count} times.</source>
        <translation>Op {day} gingen herinneringen het vaakst voorbij zonder micropauze: {count} keer.</translation>
    </message>
</context>
<context>
    <name>instance</name>
    <message>
        <source>StressBreak cannot take commands from the command line: {folder} belongs to another user or is open to others. StressBreak keeps running without them; to have them again, set XDG_RUNTIME_DIR to a private folder of yours or have that folder removed, and start StressBreak again.</source>
        <translation>StressBreak kan geen opdrachten van de opdrachtregel aannemen: {folder} is van een andere gebruiker of staat open voor anderen. StressBreak blijft draaien, maar zonder die opdrachten; wil je ze weer gebruiken, zet XDG_RUNTIME_DIR dan op een eigen, afgeschermde map of laat die map verwijderen, en start StressBreak opnieuw.</translation>
    </message>
    <message>
        <source>StressBreak cannot take commands from the command line: it cannot listen on {path} ({reason}). StressBreak keeps running.</source>
        <translation>StressBreak kan geen opdrachten van de opdrachtregel aannemen: het kan niet luisteren op {path} ({reason}). StressBreak blijft draaien.</translation>
    </message>
    <message>
        <source>A program of another user (user id {uid}) tried to give StressBreak a command. It was refused.</source>
        <translation>Een programma van een andere gebruiker (gebruikers-id {uid}) probeerde StressBreak een opdracht te geven. Die is geweigerd.</translation>
    </message>
    <message>
        <source>StressBreak could not take a command ({reason}). It keeps running and takes commands again as soon as it can.</source>
        <translation>StressBreak kon een opdracht niet aannemen ({reason}). Het blijft draaien en neemt weer opdrachten aan zodra het kan.</translation>
    </message>
    <message>
        <source>stressbreak: {folder} belongs to another user or is open to others, so no command was sent.</source>
        <translation>stressbreak: {folder} is van een andere gebruiker of staat open voor anderen, dus er is geen opdracht verstuurd.</translation>
    </message>
    <message>
        <source>stressbreak: the socket {path} belongs to another user (user id {uid}), so no command was sent.</source>
        <translation>stressbreak: de socket {path} is van een andere gebruiker (gebruikers-id {uid}), dus er is geen opdracht verstuurd.</translation>
    </message>
</context>
<context>
    <name>journal</name>
    <message>
        <source>January</source>
        <translation>januari</translation>
    </message>
    <message>
        <source>February</source>
        <translation>februari</translation>
    </message>
    <message>
        <source>March</source>
        <translation>maart</translation>
    </message>
    <message>
        <source>April</source>
        <translation>april</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mei</translation>
    </message>
    <message>
        <source>June</source>
        <translation>juni</translation>
    </message>
    <message>
        <source>July</source>
        <translation>juli</translation>
    </message>
    <message>
        <source>August</source>
        <translation>augustus</translation>
    </message>
    <message>
        <source>September</source>
        <translation>september</translation>
    </message>
    <message>
        <source>October</source>
        <translation>oktober</translation>
    </message>
    <message>
        <source>November</source>
        <translation>november</translation>
    </message>
    <message>
        <source>December</source>
        <translation>december</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>de schijf is vol</translation>
    </message>
    <message>
        <source>the journal folder cannot be written to</source>
        <translation>er kan niet in de dagboekmap worden geschreven</translation>
    </message>
    <message>
        <source>the journal folder is missing</source>
        <translation>de dagboekmap ontbreekt</translation>
    </message>
    <message>
        <source>StressBreak cannot write to its journal folder {folder} ({reason}). Reminders and pauses go on, but nothing is saved until the folder can be written to again.</source>
        <translation>StressBreak kan niet in de dagboekmap {folder} schrijven ({reason}). Herinneringen en pauzes gaan door, maar er wordt niets bewaard tot er weer in de map geschreven kan worden.</translation>
    </message>
    <message>
        <source>StressBreak could not save this entry ({reason}). Earlier entries are safe.</source>
        <translation>StressBreak kon dit moment niet bewaren ({reason}). Wat je eerder bewaarde, is veilig.</translation>
    </message>
    <message>
        <source>StressBreak could not finish the import ({reason}). What was already in the journal is safe; importing the same file again adds what is missing.</source>
        <translation>StressBreak kon het importeren niet afmaken ({reason}). Wat al in het dagboek stond, is veilig; als je hetzelfde bestand opnieuw importeert, komt erbij wat nog ontbreekt.</translation>
    </message>
    <message>
        <source>StressBreak could not delete {path} ({reason}). The other journal files were deleted.</source>
        <translation>StressBreak kon {path} niet verwijderen ({reason}). De andere dagboekbestanden zijn verwijderd.</translation>
    </message>
    <message>
        <source>StressBreak could not read its journal file {path} ({reason}). Nothing was changed.</source>
        <translation>StressBreak kon het dagboekbestand {path} niet lezen ({reason}). Er is niets veranderd.</translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <translation>{month} {year}</translation>
    </message>
    <message>
        <source>StressBreak could not open its journal folder {folder} ({reason}).</source>
        <translation>StressBreak kon de dagboekmap {folder} niet openen ({reason}).</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 moment</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>{count} momenten</translation>
    </message>
    <message>
        <source>{entries} in the journal file {path} could not be read (written by a newer StressBreak, or damaged). They are left out here and kept in the file unchanged.</source>
        <translation>{entries} in het dagboekbestand {path} konden niet worden gelezen (geschreven door een nieuwere StressBreak, of beschadigd). Ze worden hier overgeslagen en blijven onveranderd in het bestand.</translation>
    </message>
    <message>
        <source>The journal file {path} is damaged ({problem}). StressBreak read {entries} from it and uses them here; the file was not changed.</source>
        <translation>Het dagboekbestand {path} is beschadigd ({problem}). StressBreak heeft er {entries} uit gelezen en gebruikt die hier; het bestand is niet veranderd.</translation>
    </message>
    <message>
        <source>The journal file {path} could not be read ({problem}). It is left out here and was not changed.</source>
        <translation>Het dagboekbestand {path} kon niet worden gelezen ({problem}). Het is hier weggelaten en niet veranderd.</translation>
    </message>
    <message>
        <source>The journal file for {month} was damaged ({problem}). StressBreak recovered {entries} from it into the journal; the original was kept as {target}.</source>
        <translation>Het dagboekbestand van {month} was beschadigd ({problem}). StressBreak heeft er {entries} uit teruggehaald in je dagboek; het origineel is bewaard als {target}.</translation>
    </message>
    <message>
        <source>The journal file for {month} could not be read ({problem}). It was kept as {target}, and StressBreak carries on with an empty journal for that month.</source>
        <translation>Het dagboekbestand van {month} kon niet worden gelezen ({problem}). Het is bewaard als {target}, en StressBreak gaat verder met een leeg dagboek voor die maand.</translation>
    </message>
</context>
<context>
    <name>localzone</name>
    <message>
        <source>The time zone &quot;{name}&quot; (the TZ variable) is not known on this computer; StressBreak uses {zone} instead.</source>
        <translation>De tijdzone &quot;{name}&quot; (de variabele TZ) is op deze computer niet bekend; StressBreak gebruikt in plaats daarvan {zone}.</translation>
    </message>
    <message>
        <source>The computer&apos;s time zone could not be read ({reason}); StressBreak follows {zone}.</source>
        <translation>De tijdzone van de computer kon niet worden gelezen ({reason}); StressBreak volgt {zone}.</translation>
    </message>
    <message>
        <source>the local time of the system clock</source>
        <translation>de plaatselijke tijd van de systeemklok</translation>
    </message>
</context>
<context>
    <name>lock</name>
    <message>
        <source>StressBreak could not make sure that it runs only once: neither its data folder {folder} nor {path} can be locked.</source>
        <translation>StressBreak kon niet zorgen dat het maar één keer draait: de gegevensmap {folder} en {path} zijn allebei niet te vergrendelen.</translation>
    </message>
    <message>
        <source>StressBreak cannot use its lock file {path} ({reason}). It still runs only once, but an older version of StressBreak could start beside it. Removing {path} puts this right.</source>
        <translation>StressBreak kan zijn vergrendelbestand {path} niet gebruiken ({reason}). Het draait nog steeds maar één keer, maar een oudere versie van StressBreak zou ernaast kunnen starten. Als je {path} verwijdert, is dat opgelost.</translation>
    </message>
</context>
<context>
    <name>method</name>
    <message>
        <source>Why this works</source>
        <translation>Waarom dit werkt</translation>
    </message>
    <message>
        <source>Stuck in &quot;on&quot;</source>
        <translation>Vast in de aan-stand</translation>
    </message>
    <message>
        <source>When stress lasts, your body can stay in action mode, even once you stop. You may notice it as:</source>
        <translation>Als stress lang aanhoudt, kan je lijf in de actiestand blijven, ook als je stopt. Je merkt dat bijvoorbeeld aan:</translation>
    </message>
    <message>
        <source>rumination and doom-thinking: thoughts that keep circling, or jump to the worst case</source>
        <translation>piekeren en doemdenken: gedachten die blijven malen of meteen het ergste zien</translation>
    </message>
    <message>
        <source>tension while you are doing nothing</source>
        <translation>spanning, ook als je niets doet</translation>
    </message>
    <message>
        <source>trouble falling asleep or sleeping through</source>
        <translation>moeite met inslapen of doorslapen</translation>
    </message>
    <message>
        <source>guilt or restlessness as soon as you rest</source>
        <translation>schuldgevoel of onrust zodra je rust neemt</translation>
    </message>
    <message>
        <source>Rest needs safety first</source>
        <translation>Rust vraagt eerst om veiligheid</translation>
    </message>
    <message>
        <source>Sitting still or scrolling does not switch that state off. Rest only works once your body feels safe, and that safety comes from regulation: a slower breath, noticing your body, landing in the here and now. A one-minute pause is exactly that.</source>
        <translation>Stilzitten of scrollen zet die stand niet uit. Rust werkt pas als je lijf zich veilig voelt, en die veiligheid komt uit reguleren: trager ademen, voelen wat je lijf doet, landen in het hier en nu. Precies dat doe je in een micropauze.</translation>
    </message>
    <message>
        <source>Two ideas to hold on to</source>
        <translation>Twee dingen om te onthouden</translation>
    </message>
    <message>
        <source>Noticing without judging is already regulation.</source>
        <translation>Alleen opmerken, zonder oordeel, is al reguleren.</translation>
    </message>
    <message>
        <source>When you simply see how your breath and body are, without wanting to fix anything, your system settles a little.</source>
        <translation>Als je gewoon ziet hoe je adem en je lijf erbij zijn, zonder iets te willen oplossen, komt je systeem al een beetje tot rust.</translation>
    </message>
    <message>
        <source>Rest does not wait until the stress is gone.</source>
        <translation>Rust hoeft niet te wachten tot de stress weg is.</translation>
    </message>
    <message>
        <source>Resting means that you choose what you do next, not your tension or your fear.</source>
        <translation>Rust betekent dat jij kiest wat je hierna doet, niet je spanning of je angst.</translation>
    </message>
    <message>
        <source>From a calm moment to real recovery</source>
        <translation>Van even rust naar echt herstel</translation>
    </message>
    <message>
        <source>One pause calms the surface for a while. Repeated day after day, your body learns that it may switch off. Over weeks and months sleep, energy and focus come back.</source>
        <translation>Eén pauze brengt even rust aan de oppervlakte. Dag na dag herhaald leert je lijf dat het uit mag. In de loop van weken en maanden komen slaap, energie en focus terug.</translation>
    </message>
    <message>
        <source>StressBreak is not a medical device. If complaints last, such as poor sleep or exhaustion, talk to your GP or a psychologist.</source>
        <translation>StressBreak is geen medisch hulpmiddel. Houden klachten aan, zoals slecht slapen of uitputting? Praat dan met je huisarts of een psycholoog.</translation>
    </message>
</context>
<context>
    <name>notify</name>
    <message>
        <source>Desktop notifications need the Python package pyobjus, which is not installed.</source>
        <translation>Voor desktopmeldingen is het Python-pakket pyobjus nodig, en dat is niet geïnstalleerd.</translation>
    </message>
    <message>
        <source>Desktop notifications need the gdbus program, which is missing.</source>
        <translation>Voor desktopmeldingen is het programma gdbus nodig, en dat ontbreekt.</translation>
    </message>
    <message>
        <source>No way to send desktop notifications was found (install notify-send, in the package libnotify-bin or libnotify).</source>
        <translation>Er is niets gevonden om desktopmeldingen mee te sturen (installeer notify-send, uit het pakket libnotify-bin of libnotify).</translation>
    </message>
    <message>
        <source>There is no desktop session bus here, so no notifications can be shown.</source>
        <translation>Er is hier geen sessiebus van het bureaublad, dus meldingen kunnen niet verschijnen.</translation>
    </message>
    <message>
        <source>No notification service is running on this desktop (GNOME and KDE have one; on a lighter desktop, install dunst or mako).</source>
        <translation>Op dit bureaublad draait geen meldingendienst (GNOME en KDE hebben er een; installeer op een lichter bureaublad dunst of mako).</translation>
    </message>
</context>
<context>
    <name>prefs</name>
    <message>
        <source>Your choices in {path} could not be read ({problem}).</source>
        <translation>Je keuzes in {path} konden niet worden gelezen ({problem}).</translation>
    </message>
    <message>
        <source>Your values and exercise choices could not be read ({problem}); the file was kept as {target} and StressBreak starts afresh with them.</source>
        <translation>Je waarden en oefenkeuzes konden niet worden gelezen ({problem}); het bestand is bewaard als {target} en StressBreak begint hiervoor weer blanco.</translation>
    </message>
</context>
<context>
    <name>presence</name>
    <message>
        <source>a full-screen window</source>
        <translation>een venster op volledig scherm</translation>
    </message>
    <message>
        <source>the desktop&apos;s do-not-disturb</source>
        <translation>de niet-storen-stand van de desktop</translation>
    </message>
    <message>
        <source>a call (microphone in use)</source>
        <translation>een gesprek (microfoon in gebruik)</translation>
    </message>
    <message>
        <source>a call (camera in use)</source>
        <translation>een gesprek (camera in gebruik)</translation>
    </message>
    <message>
        <source>no X11 display (DISPLAY is not set)</source>
        <translation>geen X11-display (DISPLAY is niet ingesteld)</translation>
    </message>
    <message>
        <source>this Wayland desktop does not tell applications which window is full screen (wlroots compositors such as sway and Hyprland do, and KDE Plasma to programs it trusts)</source>
        <translation>deze Wayland-desktop vertelt programma&apos;s niet welk venster op volledig scherm staat (wlroots-compositors zoals sway en Hyprland doen dat wel, en KDE Plasma aan programma&apos;s die het vertrouwt)</translation>
    </message>
    <message>
        <source>the Wayland compositor could not be reached to ask which window is full screen</source>
        <translation>de Wayland-compositor was niet bereikbaar om te vragen welk venster op volledig scherm staat</translation>
    </message>
    <message>
        <source>KDE Plasma tells which window is full screen only to programs whose desktop file asks for it (X-KDE-Wayland-Interfaces), and did not count StressBreak among them</source>
        <translation>KDE Plasma vertelt alleen aan programma&apos;s waarvan het desktopbestand erom vraagt (X-KDE-Wayland-Interfaces) welk venster op volledig scherm staat, en StressBreak hoorde daar niet bij</translation>
    </message>
    <message>
        <source>no D-Bus session bus</source>
        <translation>geen D-Bus-sessiebus</translation>
    </message>
    <message>
        <source>pactl was not found (Debian: pulseaudio-utils)</source>
        <translation>pactl is niet gevonden (Debian: pulseaudio-utils)</translation>
    </message>
    <message>
        <source>/proc is not available</source>
        <translation>/proc is niet beschikbaar</translation>
    </message>
    <message>
        <source>Windows has no documented way for applications to read Focus Assist</source>
        <translation>Windows biedt programma&apos;s geen gedocumenteerde manier om Concentratiehulp (Focus Assist) uit te lezen</translation>
    </message>
    <message>
        <source>not supported on macOS yet: other applications&apos; full-screen state needs the window server&apos;s private interfaces</source>
        <translation>nog niet ondersteund op macOS: of andere programma&apos;s op volledig scherm staan, is alleen te zien via privé-interfaces van de window server</translation>
    </message>
    <message>
        <source>not supported on macOS yet: Focus can only be read by signed app bundles with the user&apos;s permission</source>
        <translation>nog niet ondersteund op macOS: Focus kan alleen worden uitgelezen door ondertekende app-bundels, met toestemming van de gebruiker</translation>
    </message>
    <message>
        <source>not supported on macOS yet: needs CoreAudio and CoreMediaIO</source>
        <translation>nog niet ondersteund op macOS: hiervoor zijn CoreAudio en CoreMediaIO nodig</translation>
    </message>
    <message>
        <source>not supported on this system</source>
        <translation>niet ondersteund op dit systeem</translation>
    </message>
</context>
<context>
    <name>profiles</name>
    <message>
        <source>not like me</source>
        <translation>past niet</translation>
    </message>
    <message>
        <source>a little like me</source>
        <translation>past een beetje</translation>
    </message>
    <message>
        <source>quite like me</source>
        <translation>past behoorlijk</translation>
    </message>
    <message>
        <source>very much like me</source>
        <translation>past helemaal</translation>
    </message>
    <message>
        <source>The pleaser pattern</source>
        <translation>Het pleaserpatroon</translation>
    </message>
    <message>
        <source>Keeping others happy</source>
        <translation>Anderen tevreden houden</translation>
    </message>
    <message>
        <source>Saying yes, keeping the peace, sensing what others want before they ask: this is a pattern that once protected you. Perhaps it kept you close to people who mattered, or kept trouble away. It brings warmth and a fine feel for others. It can also mean that your own wishes come last, often before you even notice them.</source>
        <translation>Ja zeggen, de vrede bewaren, aanvoelen wat anderen willen voordat ze het vragen: dit patroon heeft je ooit beschermd. Misschien hield het je dicht bij mensen die ertoe deden, of hield het gedoe op afstand. Het brengt warmte en een fijn gevoel voor anderen. Het kan ook betekenen dat je eigen wensen als laatste komen, vaak nog voordat je ze zelf opmerkt.</translation>
    </message>
    <message>
        <source>I say yes before I have checked whether I want to.</source>
        <translation>Ik zeg ja voordat ik heb nagegaan of ik dat wil.</translation>
    </message>
    <message>
        <source>When someone seems unhappy with me, it stays on my mind for a long time.</source>
        <translation>Als iemand ontevreden over me lijkt, blijft dat lang in mijn hoofd zitten.</translation>
    </message>
    <message>
        <source>I find it hard to ask for what I need.</source>
        <translation>Ik vind het moeilijk om te vragen wat ik nodig heb.</translation>
    </message>
    <message>
        <source>I keep the peace, even when something matters to me.</source>
        <translation>Ik bewaar de vrede, ook als iets voor mij belangrijk is.</translation>
    </message>
    <message>
        <source>Notice the automatic yes. Before you answer, take one breath and ask yourself whether you want this.</source>
        <translation>Let op je automatische ja. Neem één ademhaling voordat je antwoordt en vraag je af of je dit wilt.</translation>
    </message>
    <message>
        <source>Try one small no today, about something small. Notice what happens, in you and around you.</source>
        <translation>Probeer vandaag één klein nee, over iets kleins. Merk op wat er gebeurt, in jou en om je heen.</translation>
    </message>
    <message>
        <source>Ask yourself: what do I need right now? Your answer counts too.</source>
        <translation>Vraag je af: wat heb ik nu nodig? Jouw antwoord telt ook mee.</translation>
    </message>
    <message>
        <source>You may take time to answer. “Let me come back to you on that” is an answer too.</source>
        <translation>Je mag de tijd nemen om te antwoorden. “Daar kom ik op terug” is ook een antwoord.</translation>
    </message>
    <message>
        <source>Feel where your yes turns into too much: often a tight throat or belly. Then one honest sentence will do: “I&apos;d like to, but not this week.”</source>
        <translation>Voel waar je ja overgaat in te veel: vaak in een dichte keel of buik. Dan is één eerlijke zin genoeg: “Graag, maar niet deze week.”</translation>
    </message>
    <message>
        <source>The perfectionist pattern</source>
        <translation>Het perfectionistische patroon</translation>
    </message>
    <message>
        <source>Getting everything right</source>
        <translation>Alles foutloos willen doen</translation>
    </message>
    <message>
        <source>Checking once more, keeping things under control, aiming for work without a single loose end: this is a pattern that once protected you. Perhaps it kept criticism away, or gave you a sense of safety when little else did. It brings care and an eye for detail. It can also mean that nothing ever quite feels finished, and that rest has to wait.</source>
        <translation>Nog één keer controleren, alles in de hand houden, werk willen afleveren zonder één los eindje: dit patroon heeft je ooit beschermd. Misschien hield het kritiek op afstand, of gaf het je een gevoel van veiligheid toen weinig anders dat deed. Het brengt zorgvuldigheid en oog voor detail. Het kan ook betekenen dat niets ooit echt af voelt, en dat rust moet wachten.</translation>
    </message>
    <message>
        <source>I only feel at ease when everything is under control.</source>
        <translation>Ik voel me pas op mijn gemak als alles onder controle is.</translation>
    </message>
    <message>
        <source>I go over my work again and again before I let it go.</source>
        <translation>Ik loop mijn werk steeds opnieuw na voordat ik het loslaat.</translation>
    </message>
    <message>
        <source>A small mistake keeps me busy long afterwards.</source>
        <translation>Een kleine fout houdt me nog lang bezig.</translation>
    </message>
    <message>
        <source>I find it hard to stop while something could still be better.</source>
        <translation>Ik vind het moeilijk om te stoppen zolang iets nog beter kan.</translation>
    </message>
    <message>
        <source>Choose one task today to finish at “enough”, on purpose. Notice what that stirs in you.</source>
        <translation>Kies vandaag één taak die je bewust afrondt bij “genoeg”. Merk op wat dat in je losmaakt.</translation>
    </message>
    <message>
        <source>Notice the critical voice inside. You can hear it and still choose what you do.</source>
        <translation>Let op de kritische stem vanbinnen. Je kunt hem horen en toch zelf kiezen wat je doet.</translation>
    </message>
    <message>
        <source>Give a task an end time, and stop when it comes, even if more would be possible.</source>
        <translation>Geef een taak een eindtijd en stop als het zover is, ook als er meer zou kunnen.</translation>
    </message>
    <message>
        <source>Your body often knows your limit before your list is done. Feel it, and say it out loud: “This is enough for today.”</source>
        <translation>Je lijf kent je grens vaak al voordat je lijstje af is. Voel hem, en zeg hem hardop: “Dit is genoeg voor vandaag.”</translation>
    </message>
    <message>
        <source>The rescuer pattern</source>
        <translation>Het redderpatroon</translation>
    </message>
    <message>
        <source>Taking care of everyone</source>
        <translation>Voor iedereen zorgen</translation>
    </message>
    <message>
        <source>Stepping in, carrying what others cannot, feeling responsible for how everyone is doing: this is a pattern that once protected you. Perhaps someone needed you early on, or caring for others was the safest place to be. It brings kindness and people who can count on you. It can also mean that you forget yourself along the way.</source>
        <translation>Inspringen, dragen wat anderen niet kunnen dragen, je verantwoordelijk voelen voor hoe het met iedereen gaat: dit patroon heeft je ooit beschermd. Misschien had iemand je al vroeg nodig, of was zorgen voor anderen de veiligste plek om te zijn. Het brengt zorgzaamheid en mensen die op je kunnen rekenen. Het kan ook betekenen dat je onderweg jezelf vergeet.</translation>
    </message>
    <message>
        <source>When someone around me has a hard time, I feel it is up to me.</source>
        <translation>Als iemand om me heen het moeilijk heeft, heb ik het gevoel dat het aan mij is.</translation>
    </message>
    <message>
        <source>I notice what others need sooner than what I need.</source>
        <translation>Ik merk eerder wat anderen nodig hebben dan wat ik nodig heb.</translation>
    </message>
    <message>
        <source>I take on tasks so that others don&apos;t have to.</source>
        <translation>Ik neem taken op me zodat anderen het niet hoeven te doen.</translation>
    </message>
    <message>
        <source>Resting is hard for me while someone else still has a problem.</source>
        <translation>Ik kan moeilijk rusten zolang iemand anders nog een probleem heeft.</translation>
    </message>
    <message>
        <source>Notice when helping starts to cost you more than you have to give.</source>
        <translation>Merk op wanneer helpen je meer gaat kosten dan je te geven hebt.</translation>
    </message>
    <message>
        <source>Put yourself on your own list today, as someone who needs care too.</source>
        <translation>Zet jezelf vandaag op je eigen lijstje, als iemand die ook zorg nodig heeft.</translation>
    </message>
    <message>
        <source>Before you step in, ask yourself: is this mine to carry?</source>
        <translation>Vraag je af voordat je inspringt: is dit mijn last om te dragen?</translation>
    </message>
    <message>
        <source>Others can find their own way too. Trusting them is also a way of caring.</source>
        <translation>Anderen kunnen ook zelf hun weg vinden. Op hen vertrouwen is ook een manier van zorgen.</translation>
    </message>
    <message>
        <source>Feel when caring starts to cost more than you have, and say so kindly: “I can&apos;t take this on right now.”</source>
        <translation>Voel wanneer zorgen je meer gaat kosten dan je hebt, en zeg het vriendelijk: “Dit kan ik nu niet op me nemen.”</translation>
    </message>
    <message>
        <source>Rest doesn&apos;t wait until the stress is gone. Rest means that you, not your tension, choose what comes next.</source>
        <translation>Rust hoeft niet te wachten tot de stress weg is. Rust betekent dat jij kiest wat je hierna doet, niet je spanning.</translation>
    </message>
    <message>
        <source>Notice one thing your body tells you right now. Only notice it.</source>
        <translation>Let op één ding dat je lichaam je nu vertelt. Alleen opmerken, meer niet.</translation>
    </message>
    <message>
        <source>What would be kind to yourself in the next hour?</source>
        <translation>Wat zou je jezelf het komende uur gunnen?</translation>
    </message>
    <message>
        <source>Tension may come along while you do what matters to you.</source>
        <translation>Spanning mag meekomen terwijl je doet wat voor jou belangrijk is.</translation>
    </message>
    <message>
        <source>Your limit shows in your body first. Feeling it is the start; one plain sentence can say it.</source>
        <translation>Je grens merk je eerst in je lijf. Voelen is het begin; met één eenvoudige zin kun je hem uitspreken.</translation>
    </message>
    <message>
        <source>Rest does not have to be earned first. It is part of what keeps you going.</source>
        <translation>Rust hoef je niet eerst te verdienen. Het hoort bij wat je op de been houdt.</translation>
    </message>
    <message>
        <source>Restless or guilty when you stop? That is your body still switched on. It settles with each slow out-breath.</source>
        <translation>Onrust of schuldgevoel als je stopt? Dan staat je lijf nog aan. Met elke langzame uitademing komt het wat meer tot rust.</translation>
    </message>
    <message>
        <source>A worry that keeps coming back may get its own time later today. Until then, it can wait.</source>
        <translation>Blijft een zorg terugkomen? Geef hem een eigen moment later vandaag. Tot dan mag het piekeren wachten.</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message numerus="yes">
        <source>%n earlier notes are in your journal.</source>
        <translation>
            <numerusform>Nog %n eerdere notitie staat in je dagboek.</numerusform>
            <numerusform>Nog %n eerdere notities staan in je dagboek.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes from these weeks are in your journal.</source>
        <translation>
            <numerusform>%n notitie uit deze weken staat in je dagboek.</numerusform>
            <numerusform>%n notities uit deze weken staan in je dagboek.</numerusform>
        </translation>
    </message>
    <message>
        <source>StressBreak report</source>
        <translation>StressBreak-verslag</translation>
    </message>
    <message>
        <source>Breathing</source>
        <translation>Ademhaling</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Lichaam</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Behoefte</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Volgende stap</translation>
    </message>
    <message>
        <source>Your weeks from {first} to {last}</source>
        <translation>Je weken van {first} tot en met {last}</translation>
    </message>
    <message>
        <source>Made by StressBreak on {day}. Counts and observations from your own journal: what you noted, not a diagnosis and not a score.</source>
        <translation>Gemaakt door StressBreak op {day}. Aantallen en observaties uit je eigen dagboek: wat je zelf noteerde, geen diagnose en geen score.</translation>
    </message>
    <message>
        <source>Nothing was noted in these weeks.</source>
        <translation>In deze weken is niets genoteerd.</translation>
    </message>
    <message>
        <source>What you wrote in your own words (notes, next steps, what set it off) is not included in this report.</source>
        <translation>Wat je in je eigen woorden schreef (notities, volgende stappen, aanleidingen), staat niet in dit verslag.</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>Week van</translation>
    </message>
    <message>
        <source>Pauses taken</source>
        <translation>Micropauzes genomen</translation>
    </message>
    <message>
        <source>Natural pauses</source>
        <translation>Natuurlijke pauzes</translation>
    </message>
    <message>
        <source>Stress meters</source>
        <translation>Stressmeter ingevuld</translation>
    </message>
    <message>
        <source>Average tension (0–10)</source>
        <translation>Gemiddelde spanning (0–10)</translation>
    </message>
    <message>
        <source>Sleep (1–5)</source>
        <translation>Slaap (1–5)</translation>
    </message>
    <message>
        <source>Energy (1–5)</source>
        <translation>Energie (1–5)</translation>
    </message>
    <message>
        <source>Focus (1–5)</source>
        <translation>Focus (1–5)</translation>
    </message>
    <message>
        <source>Week by week</source>
        <translation>Week voor week</translation>
    </message>
    <message>
        <source>The last week runs up to the day the report was made. A dash: nothing noted that week.</source>
        <translation>De laatste week loopt tot de dag waarop het verslag is gemaakt. Een streepje: die week niets genoteerd.</translation>
    </message>
    <message>
        <source>Body signals:</source>
        <translation>Lichaamssignalen:</translation>
    </message>
    <message>
        <source>Needs:</source>
        <translation>Behoeften:</translation>
    </message>
    <message>
        <source>What set it off:</source>
        <translation>Aanleidingen:</translation>
    </message>
    <message>
        <source>What came up most in the stress meters</source>
        <translation>Wat het vaakst terugkwam in de stressmeter</translation>
    </message>
    <message>
        <source>none noted</source>
        <translation>niets genoteerd</translation>
    </message>
    <message>
        <source>{name} ({count})</source>
        <translation>{name} ({count})</translation>
    </message>
    <message>
        <source>What stood out</source>
        <translation>Wat opviel</translation>
    </message>
    <message>
        <source>{day} (so far)</source>
        <translation>{day} (tot nu toe)</translation>
    </message>
    <message>
        <source>Nothing stood out clearly in these weeks.</source>
        <translation>In deze weken viel niets duidelijk op.</translation>
    </message>
    <message>
        <source>What helps me</source>
        <translation>Wat mij helpt</translation>
    </message>
    <message>
        <source>These compare the last year of days in the journal; each states its size and how many days stand behind it. They are observations, not causes.</source>
        <translation>Hiervoor zijn de dagen van het afgelopen jaar in het dagboek vergeleken; bij elke observatie staat hoe groot het verschil is en hoeveel dagen erachter staan. Het zijn observaties, geen oorzaken.</translation>
    </message>
    <message>
        <source>In your own words</source>
        <translation>In je eigen woorden</translation>
    </message>
    <message>
        <source>No notes in these weeks.</source>
        <translation>Geen notities in deze weken.</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>unknown language {value}; choose one of {choices}</source>
        <translation>onbekende taal {value}; kies uit {choices}</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Micropauze</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Herinneringen</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Geluid</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Login and interruptions</source>
        <translation>Inloggen en onderbrekingen</translation>
    </message>
    <message>
        <source>Look and language</source>
        <translation>Uiterlijk en taal</translation>
    </message>
    <message>
        <source>expected a whole number from {low} to {high}, got {value}</source>
        <translation>verwacht een heel getal van {low} tot en met {high}, maar het is {value}</translation>
    </message>
    <message>
        <source>expected true or false, got {value}</source>
        <translation>verwacht true of false, maar het is {value}</translation>
    </message>
    <message>
        <source>expected a time as &quot;HH:MM&quot;, got {value}</source>
        <translation>verwacht een tijd als &quot;UU:MM&quot;, maar het is {value}</translation>
    </message>
    <message>
        <source>expected a list of times like [&quot;10:30&quot;, &quot;16:00&quot;], got {value}</source>
        <translation>verwacht een lijst met tijden zoals [&quot;10:30&quot;, &quot;16:00&quot;], maar het is {value}</translation>
    </message>
    <message>
        <source>at most {count} times a day</source>
        <translation>hoogstens {count} keer per dag</translation>
    </message>
    <message>
        <source>expected a list of days like [&quot;mon&quot;, &quot;tue&quot;], got {value}</source>
        <translation>verwacht een lijst met dagen zoals [&quot;mon&quot;, &quot;tue&quot;], maar het is {value}</translation>
    </message>
    <message>
        <source>unknown day {day}; use {days}</source>
        <translation>onbekende dag {day}; gebruik {days}</translation>
    </message>
    <message>
        <source>unknown pattern {value}; choose one of {choices}</source>
        <translation>onbekend ademritme {value}; kies uit {choices}</translation>
    </message>
    <message>
        <source>unknown tray icon {value}; choose one of {choices}</source>
        <translation>onbekend pictogram {value}; kies uit {choices}</translation>
    </message>
    <message>
        <source>In colour</source>
        <translation>In kleur</translation>
    </message>
    <message>
        <source>White (for a dark panel)</source>
        <translation>Wit (voor een donker paneel)</translation>
    </message>
    <message>
        <source>Black (for a light panel)</source>
        <translation>Zwart (voor een licht paneel)</translation>
    </message>
    <message>
        <source>unknown exercise {value}; choose one of {choices}</source>
        <translation>onbekende oefening {value}; kies uit {choices}</translation>
    </message>
    <message>
        <source>Slow and even (5.5 s in, 5.5 s out)</source>
        <translation>Langzaam en gelijkmatig (5,5 s in, 5,5 s uit)</translation>
    </message>
    <message>
        <source>Sighing out (in, a little more in, long out)</source>
        <translation>Zuchtend uitademen (in, nog wat erbij, lang uit)</translation>
    </message>
    <message>
        <source>Longer out (4 s in, 6 s out)</source>
        <translation>Langer uit (4 s in, 6 s uit)</translation>
    </message>
    <message>
        <source>Box, with holds (4 s each)</source>
        <translation>Vierkant ademen, met vasthouden (elk 4 s)</translation>
    </message>
    <message>
        <source>Each exercise in turn</source>
        <translation>Elke oefening om de beurt</translation>
    </message>
    <message>
        <source>As on this computer</source>
        <translation>Zoals op deze computer</translation>
    </message>
    <message>
        <source>Time between pauses</source>
        <translation>Tijd tussen micropauzes</translation>
    </message>
    <message>
        <source>How long you work before a pause is offered.</source>
        <translation>Hoe lang je werkt voordat je een micropauze krijgt aangeboden.</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Werkdagen</translation>
    </message>
    <message>
        <source>Pauses and the stress meter come only on these days.</source>
        <translation>Micropauzes en de stressmeter komen alleen op deze dagen.</translation>
    </message>
    <message>
        <source>Working day starts at</source>
        <translation>Werkdag begint om</translation>
    </message>
    <message>
        <source>Working day ends at</source>
        <translation>Werkdag eindigt om</translation>
    </message>
    <message>
        <source>Outside these hours StressBreak stays quiet.</source>
        <translation>Buiten deze uren blijft StressBreak stil.</translation>
    </message>
    <message>
        <source>Stress meter at</source>
        <translation>Stressmeter om</translation>
    </message>
    <message>
        <source>When the stress meter asks how you are, up to eight times a day. With no times it only comes when you open it.</source>
        <translation>Wanneer de stressmeter vraagt hoe het met je gaat, hoogstens acht keer per dag. Zonder tijden komt hij alleen als je hem zelf opent.</translation>
    </message>
    <message>
        <source>Pause length</source>
        <translation>Duur van een micropauze</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Oefening</translation>
    </message>
    <message>
        <source>What a pause offers: breathing, another exercise, or each of them in turn.</source>
        <translation>Wat een micropauze je biedt: ademen, een andere oefening, of alles om de beurt.</translation>
    </message>
    <message>
        <source>Breathing pattern</source>
        <translation>Ademritme</translation>
    </message>
    <message>
        <source>Offer the stress meter after a pause</source>
        <translation>Na een micropauze de stressmeter aanbieden</translation>
    </message>
    <message>
        <source>Less motion</source>
        <translation>Minder beweging</translation>
    </message>
    <message>
        <source>Then it goes away by itself, and the journal notes that the pause went by. That is information, not a judgement.</source>
        <translation>Daarna verdwijnt hij vanzelf en wordt genoteerd dat de micropauze voorbijging. Dat is informatie, geen oordeel.</translation>
    </message>
    <message>
        <source>Tray icon</source>
        <translation>Pictogram in het systeemvak</translation>
    </message>
    <message>
        <source>A one-colour icon fits panels that show all their icons in one colour. On macOS the menu bar always gets one.</source>
        <translation>Een pictogram in één kleur past bij panelen die al hun pictogrammen in één kleur tonen. Op macOS krijgt de menubalk er altijd een.</translation>
    </message>
    <message>
        <source>Away from keyboard and mouse for at least as long as a pause? Then you had your pause, and the next one counts from your return.</source>
        <translation>Ben je minstens zo lang als een micropauze weg van toetsenbord en muis? Dan heb je je pauze al gehad; de volgende rekent vanaf het moment dat je terug bent.</translation>
    </message>
    <message>
        <source>Follow the desktop&apos;s do-not-disturb</source>
        <translation>De niet-storen-stand van de desktop volgen</translation>
    </message>
    <message>
        <source>After a tense moment, offer one more pause later</source>
        <translation>Na een gespannen moment later nog een micropauze aanbieden</translation>
    </message>
    <message>
        <source>Other computers</source>
        <translation>Andere computers</translation>
    </message>
    <message>
        <source>must be {range}; it is {value}</source>
        <translation>moet {range} zijn; het is {value}</translation>
    </message>
    <message>
        <source>from {low} to {high} minutes</source>
        <translation>van {low} tot en met {high} minuten</translation>
    </message>
    <message>
        <source>from {low} to {high} seconds</source>
        <translation>van {low} tot en met {high} seconden</translation>
    </message>
    <message>
        <source>from {low} to {high}</source>
        <translation>van {low} tot en met {high}</translation>
    </message>
    <message>
        <source>unknown motion choice {value}; choose one of {choices}</source>
        <translation>onbekende keuze voor beweging {value}; kies uit {choices}</translation>
    </message>
    <message>
        <source>Always: the circle stays still</source>
        <translation>Altijd: de cirkel blijft stil</translation>
    </message>
    <message>
        <source>Never: the circle grows and shrinks</source>
        <translation>Nooit: de cirkel wordt groter en kleiner</translation>
    </message>
    <message>
        <source>expected a folder&apos;s path as text, got {value}</source>
        <translation>verwacht het pad van een map als tekst, maar het is {value}</translation>
    </message>
    <message>
        <source>The shared folder has to be a full path, such as /home/anna/Sync; {value} is not one.</source>
        <translation>De gedeelde map moet een volledig pad zijn, zoals /home/anna/Sync; {value} is dat niet.</translation>
    </message>
    <message>
        <source>expected a heart-rate strap as text, got {value}</source>
        <translation>verwachtte een hartslagband als tekst, kreeg {value}</translation>
    </message>
    <message>
        <source>A heart-rate strap is written as its Bluetooth address and its name, such as A0:9E:1A:12:34:56 Polar H10; {value} does not begin with an address. Choose the strap again in Settings.</source>
        <translation>Een hartslagband staat er als zijn Bluetooth-adres en zijn naam, zoals A0:9E:1A:12:34:56 Polar H10; {value} begint niet met een adres. Kies de band opnieuw in Instellingen.</translation>
    </message>
    <message>
        <source>expected a name as text, got {value}</source>
        <translation>verwacht een naam als tekst, maar het is {value}</translation>
    </message>
    <message>
        <source>A computer&apos;s name can be at most {count} characters long.</source>
        <translation>De naam van een computer is hooguit {count} tekens lang.</translation>
    </message>
    <message>
        <source>Your own pace: 6.5 breaths a minute (4.6 s in, 4.6 s out)</source>
        <translation>Je eigen tempo: 6,5 keer per minuut (4,6 s in, 4,6 s uit)</translation>
    </message>
    <message>
        <source>Your own pace: 6 breaths a minute (5 s in, 5 s out)</source>
        <translation>Je eigen tempo: 6 keer per minuut (5 s in, 5 s uit)</translation>
    </message>
    <message>
        <source>Your own pace: 5.5 breaths a minute (5.5 s in, 5.5 s out)</source>
        <translation>Je eigen tempo: 5,5 keer per minuut (5,5 s in, 5,5 s uit)</translation>
    </message>
    <message>
        <source>Your own pace: 5 breaths a minute (6 s in, 6 s out)</source>
        <translation>Je eigen tempo: 5 keer per minuut (6 s in, 6 s uit)</translation>
    </message>
    <message>
        <source>Your own pace: 4.5 breaths a minute (6.7 s in, 6.7 s out)</source>
        <translation>Je eigen tempo: 4,5 keer per minuut (6,7 s in, 6,7 s uit)</translation>
    </message>
    <message>
        <source>Each pattern without holds in turn</source>
        <translation>De ritmes zonder vasthouden om de beurt</translation>
    </message>
    <message>
        <source>Ask about sleep, energy and focus</source>
        <translation>Vragen naar slaap, energie en focus</translation>
    </message>
    <message>
        <source>The day&apos;s first stress meter begins by asking how you slept and how your energy and focus are, 1 to 5. Skipping is always fine. Over the weeks you can see how they change.</source>
        <translation>De eerste stressmeter van de dag begint met de vraag hoe je hebt geslapen en hoe het met je energie en focus staat, van 1 tot 5. Overslaan mag altijd. Zo zie je over de weken heen hoe ze veranderen.</translation>
    </message>
    <message>
        <source>An evening minute to wind down</source>
        <translation>Een avondminuut om tot rust te komen</translation>
    </message>
    <message>
        <source>Every evening, on any day of the week, one calm minute is offered to breathe out slowly and let the day go. It may help when sleep does not come easily.</source>
        <translation>Elke avond, ook in het weekend, krijg je één rustige minuut om langzaam uit te ademen en de dag los te laten. Dat kan helpen als de slaap niet makkelijk komt.</translation>
    </message>
    <message>
        <source>Evening minute at</source>
        <translation>Avondminuut om</translation>
    </message>
    <message>
        <source>Offered once, at this time.</source>
        <translation>Eén keer per avond, op dit tijdstip.</translation>
    </message>
    <message>
        <source>If you feel light-headed, stop and breathe normally. With a heart or lung condition, or when pregnant, choose a pattern without holds. Box breathing comes only when you choose it.</source>
        <translation>Word je licht in je hoofd? Stop dan en adem weer gewoon. Heb je een hart- of longaandoening, of ben je zwanger, kies dan een ademritme zonder vasthouden. Vierkantademhaling komt alleen als je die zelf kiest.</translation>
    </message>
    <message>
        <source>“As on this computer” follows your system&apos;s choice to reduce motion or switch animations off; if it does not say, the circle grows and shrinks. With less motion the circle stays still and a ring fills calmly instead; the words still give the rhythm.</source>
        <translation>“Zoals op deze computer” volgt de keuze van je systeem om beweging te beperken of animaties uit te zetten; zegt het systeem niets, dan wordt de cirkel groter en kleiner. Met minder beweging blijft de cirkel stil en vult een ring zich rustig; de woorden geven nog steeds het ritme aan.</translation>
    </message>
    <message>
        <source>From a tension of</source>
        <translation>Vanaf een spanning van</translation>
    </message>
    <message>
        <source>A stress meter with this tension or more (0 to 10) offers one more pause a little later.</source>
        <translation>Geef je in de stressmeter deze spanning of meer (0 tot en met 10), dan krijg je wat later nog een micropauze aangeboden.</translation>
    </message>
    <message>
        <source>Heart-rate strap</source>
        <translation>Hartslagband</translation>
    </message>
    <message>
        <source>A Bluetooth chest strap (heart rate service) shows your heart&apos;s rhythm under the circle during a pause. It connects as a pause starts; without it the pause is the same as always. Nothing leaves this computer. StressBreak is not a medical device.</source>
        <translation>Een Bluetooth-borstband (hartslagdienst) laat tijdens een micropauze het ritme van je hart zien onder de cirkel. Hij maakt verbinding zodra een micropauze begint; zonder band is de micropauze zoals altijd. Niets verlaat deze computer. StressBreak is geen medisch hulpmiddel.</translation>
    </message>
    <message>
        <source>Snooze for</source>
        <translation>Uitstellen met</translation>
    </message>
    <message>
        <source>A reminder stays for</source>
        <translation>Een herinnering blijft staan</translation>
    </message>
    <message>
        <source>Also send a desktop notification</source>
        <translation>Ook een desktopmelding sturen</translation>
    </message>
    <message>
        <source>Wait until you stop typing</source>
        <translation>Wachten tot je stopt met typen</translation>
    </message>
    <message>
        <source>A reminder waits for a few seconds without typing, so it does not cut into a sentence.</source>
        <translation>Een herinnering wacht tot je een paar seconden niet typt, zodat hij je niet midden in een zin onderbreekt.</translation>
    </message>
    <message>
        <source>Wait at most</source>
        <translation>Hoogstens wachten</translation>
    </message>
    <message>
        <source>After this the reminder comes anyway.</source>
        <translation>Daarna komt de herinnering toch.</translation>
    </message>
    <message>
        <source>A soft tone as each breath begins</source>
        <translation>Een zachte toon bij elke in- en uitademing</translation>
    </message>
    <message>
        <source>Speak the steps aloud</source>
        <translation>De stappen laten voorlezen</translation>
    </message>
    <message>
        <source>So you can keep your eyes closed during a pause.</source>
        <translation>Zo kun je tijdens een micropauze je ogen dicht houden.</translation>
    </message>
    <message>
        <source>A new language shows the next time StressBreak starts.</source>
        <translation>Een nieuwe taal zie je de volgende keer dat StressBreak start.</translation>
    </message>
    <message>
        <source>Start StressBreak when you log in</source>
        <translation>StressBreak starten als je inlogt</translation>
    </message>
    <message>
        <source>Count time away as a pause</source>
        <translation>Tijd weg van de computer als pauze tellen</translation>
    </message>
    <message>
        <source>Quiet during full-screen use</source>
        <translation>Stil bij volledig scherm</translation>
    </message>
    <message>
        <source>While a full-screen window has the focus, such as a presentation or a film, reminders wait.</source>
        <translation>Zolang een venster op volledig scherm de focus heeft, zoals een presentatie of een film, wachten herinneringen.</translation>
    </message>
    <message>
        <source>Quiet during calls</source>
        <translation>Stil tijdens gesprekken</translation>
    </message>
    <message>
        <source>While the microphone or camera is in use, reminders wait. After the call you are offered a pause.</source>
        <translation>Zolang de microfoon of camera in gebruik is, wachten herinneringen. Na het gesprek krijg je een micropauze aangeboden.</translation>
    </message>
    <message>
        <source>Shared folder</source>
        <translation>Gedeelde map</translation>
    </message>
    <message>
        <source>Choose a folder that your own sync tool (Syncthing, Nextcloud, Dropbox, OneDrive, iCloud Drive) keeps in step across your computers. StressBreak writes this computer&apos;s journal into a folder of its own there and reads what your other computers wrote, so each of them shows all of it. Your sync tool carries these files and can see them; StressBreak itself sends nothing anywhere. Empty: everything stays on this computer.</source>
        <translation>Kies een map die je eigen synchronisatieprogramma (Syncthing, Nextcloud, Dropbox, OneDrive, iCloud Drive) gelijk houdt op al je computers. StressBreak schrijft het dagboek van deze computer daarin, in een eigen map, en leest wat je andere computers er schreven, zodat elke computer alles laat zien. Je synchronisatieprogramma brengt deze bestanden over en kan ze inzien; StressBreak zelf verstuurt niets. Leeg: alles blijft op deze computer.</translation>
    </message>
    <message>
        <source>This computer&apos;s name</source>
        <translation>Naam van deze computer</translation>
    </message>
    <message>
        <source>The name your other computers show for this one. Empty: its network name.</source>
        <translation>De naam waaronder je andere computers deze laten zien. Leeg: de netwerknaam.</translation>
    </message>
    <message>
        <source>Choose a value {range}. {value} is outside that range.</source>
        <translation>Kies een waarde {range}. {value} valt daarbuiten.</translation>
    </message>
    <message>
        <source>Choose at least one working day.</source>
        <translation>Kies minstens één werkdag.</translation>
    </message>
    <message>
        <source>{time} is in the list twice.</source>
        <translation>{time} staat twee keer in de lijst.</translation>
    </message>
    <message>
        <source>The working day has to end after it starts ({start}).</source>
        <translation>De werkdag moet later eindigen dan hij begint ({start}).</translation>
    </message>
    <message>
        <source>the settings file must hold a JSON object; all defaults are used</source>
        <translation>het instellingenbestand moet een JSON-object bevatten; alle standaardwaarden worden gebruikt</translation>
    </message>
    <message>
        <source>&apos;version&apos;: this StressBreak reads settings version {ours}, the file says {theirs}; values it understands are still used</source>
        <translation>&apos;version&apos;: deze StressBreak leest instellingenversie {ours}, het bestand zegt {theirs}; waarden die hij begrijpt worden toch gebruikt</translation>
    </message>
    <message>
        <source>{key}: unknown setting, ignored</source>
        <translation>{key}: onbekende instelling, overgeslagen</translation>
    </message>
    <message>
        <source>“{setting}” ({key}) must be {range}; the file says {value}. Until you change it, the default {default} is used.</source>
        <translation>“{setting}” ({key}) moet {range} zijn; in het bestand staat {value}. Tot je het aanpast, geldt de standaardwaarde {default}.</translation>
    </message>
    <message>
        <source>{key}: {problem}; the default {default} is used</source>
        <translation>{key}: {problem}; de standaardwaarde {default} wordt gebruikt</translation>
    </message>
    <message>
        <source>&apos;work_end&apos; ({end}) must be later than &apos;work_start&apos; ({start}); the defaults {first}–{last} are used</source>
        <translation>&apos;work_end&apos; ({end}) moet later zijn dan &apos;work_start&apos; ({start}); de standaardtijden {first}–{last} worden gebruikt</translation>
    </message>
    <message>
        <source>has bytes that are not UTF-8 text (the first on line {line}); what could still be read is used</source>
        <translation>bevat bytes die geen UTF-8-tekst zijn (de eerste op regel {line}); wat nog te lezen was, wordt gebruikt</translation>
    </message>
    <message>
        <source>{key}: could not be read (line {line}); the default {default} is used</source>
        <translation>{key}: kon niet worden gelezen (regel {line}); de standaardwaarde {default} wordt gebruikt</translation>
    </message>
    <message>
        <source>line {line} could not be read and is left out</source>
        <translation>regel {line} kon niet worden gelezen en is weggelaten</translation>
    </message>
    <message>
        <source>{text} is not a time written as HH:MM</source>
        <translation>{text} is geen tijd geschreven als UU:MM</translation>
    </message>
    <message>
        <source>{text} is not a time of day</source>
        <translation>{text} is geen tijdstip van de dag</translation>
    </message>
    <message>
        <source>could not be read ({reason}); all defaults are used</source>
        <translation>kon niet worden gelezen ({reason}); alle standaardwaarden worden gebruikt</translation>
    </message>
    <message>
        <source>is nested too deeply in places; the settings that could still be read are used</source>
        <translation>is op sommige plekken te diep genest; de instellingen die nog te lezen waren, worden gebruikt</translation>
    </message>
    <message>
        <source>is nested too deeply to be settings; all defaults are used and the file is left as it is</source>
        <translation>is te diep genest om instellingen te zijn; alle standaardwaarden worden gebruikt en het bestand blijft zoals het is</translation>
    </message>
    <message>
        <source>is not valid JSON (line {line}, column {column}: {reason}); the settings that could still be read are used</source>
        <translation>is geen geldige JSON (regel {line}, kolom {column}: {reason}); de instellingen die nog te lezen waren, worden gebruikt</translation>
    </message>
    <message>
        <source>is not valid JSON (line {line}, column {column}: {reason}); all defaults are used and the file is left as it is</source>
        <translation>is geen geldige JSON (regel {line}, kolom {column}: {reason}); alle standaardwaarden worden gebruikt en het bestand blijft zoals het is</translation>
    </message>
    <message>
        <source>could not all be used, so it was kept as {target} before your new settings were saved in its place</source>
        <translation>kon niet helemaal worden gebruikt; daarom is het bewaard als {target} voordat je nieuwe instellingen in de plaats ervan werden opgeslagen</translation>
    </message>
    <message>
        <source>Settings file {path}: {problem}</source>
        <translation>Instellingenbestand {path}: {problem}</translation>
    </message>
</context>
<context>
    <name>shared_folder</name>
    <message>
        <source>Another computer deleted all data while its clock was ahead of this one&apos;s. StressBreak deleted here what was older than now, and keeps what comes after. That computer&apos;s date and time may need a look.</source>
        <translation>Een andere computer heeft alle gegevens gewist terwijl zijn klok voorliep op deze. StressBreak heeft hier gewist wat ouder was dan nu, en bewaart wat daarna komt. Kijk even naar de datum en tijd van die computer.</translation>
    </message>
    <message>
        <source>Another computer wrote into the shared folder as if it were this one (its StressBreak data may be a copy of this computer&apos;s, from a backup). StressBreak took in what it wrote, and this computer now writes under a name of its own there, so nothing is written over.</source>
        <translation>Een andere computer schreef in de gedeelde map alsof hij deze computer was (misschien zijn de StressBreak-gegevens daar een kopie van die van deze computer, uit een back-up). StressBreak heeft overgenomen wat hij schreef, en deze computer schrijft daar nu onder een eigen naam, zodat niets wordt overschreven.</translation>
    </message>
    <message>
        <source>StressBreak could not keep this computer&apos;s id in {folder} ({reason}), so it does not share the journal for now.</source>
        <translation>StressBreak kon de id van deze computer niet bewaren in {folder} ({reason}), en deelt het dagboek daarom voorlopig niet.</translation>
    </message>
    <message>
        <source>The shared folder has to be a full path, such as /home/anna/Sync; {folder} is not one.</source>
        <translation>De gedeelde map moet een volledig pad zijn, zoals /home/anna/Sync; {folder} is dat niet.</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder. Choose the folder your sync tool keeps in step.</source>
        <translation>{folder} is een bestand, geen map. Kies de map die je synchronisatieprogramma gelijk houdt.</translation>
    </message>
    <message>
        <source>{folder} is StressBreak&apos;s own data folder on this computer. Choose the folder your sync tool keeps in step.</source>
        <translation>{folder} is de eigen gegevensmap van StressBreak op deze computer. Kies de map die je synchronisatieprogramma gelijk houdt.</translation>
    </message>
    <message>
        <source>The shared folder {folder} is not there (not mounted, or offline?). StressBreak goes on with this computer&apos;s journal and shares again once the folder is back.</source>
        <translation>De gedeelde map {folder} is er niet (niet gekoppeld, of offline?). StressBreak gaat verder met het dagboek van deze computer en deelt weer zodra de map terug is.</translation>
    </message>
    <message>
        <source>The folder {folder} is not there any more (a drive not mounted, or offline?). StressBreak goes on with this computer&apos;s journal and shares again once it is back. If you removed it yourself, choose the shared folder again in the settings.</source>
        <translation>De map {folder} is er niet meer (een schijf die niet is aangekoppeld, of offline?). StressBreak gaat verder met het dagboek van deze computer en deelt weer zodra de map terug is. Heb je de map zelf weggehaald? Kies de gedeelde map dan opnieuw in de instellingen.</translation>
    </message>
    <message>
        <source>StressBreak cannot write to the shared folder {folder} ({reason}). It goes on with this computer&apos;s journal.</source>
        <translation>StressBreak kan niet schrijven in de gedeelde map {folder} ({reason}). Het gaat verder met het dagboek van deze computer.</translation>
    </message>
    <message numerus="yes">
        <source>StressBreak brought back %n entries of {year}-{month:02d} from this computer&apos;s copy in the shared folder.</source>
        <translation>
            <numerusform>StressBreak heeft %n moment van {year}-{month:02d} teruggehaald uit de kopie van deze computer in de gedeelde map.</numerusform>
            <numerusform>StressBreak heeft %n momenten van {year}-{month:02d} teruggehaald uit de kopie van deze computer in de gedeelde map.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>summary</name>
    <message numerus="yes">
        <source>%n natural pauses</source>
        <translation>
            <numerusform>%n natuurlijke pauze</numerusform>
            <numerusform>%n natuurlijke pauzes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pauses taken</source>
        <translation>
            <numerusform>%n micropauze genomen</numerusform>
            <numerusform>%n micropauzes genomen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stress meters</source>
        <translation>
            <numerusform>stressmeter %n keer ingevuld</numerusform>
            <numerusform>stressmeter %n keer ingevuld</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Heart rhythm during pauses: RMSSD {rmssd} ms on average over %n pauses with a strap</source>
        <translation>
            <numerusform>Hartritme tijdens micropauzes: gemiddeld een RMSSD van {rmssd} ms, over %n micropauze met een borstband</numerusform>
            <numerusform>Hartritme tijdens micropauzes: gemiddeld een RMSSD van {rmssd} ms, over %n micropauzes met een borstband</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Heart rhythm during pauses: coherence {coherence} on average over %n pauses with a strap</source>
        <translation>
            <numerusform>Hartritme tijdens micropauzes: gemiddeld een coherentie van {coherence}, over %n micropauze met een borstband</numerusform>
            <numerusform>Hartritme tijdens micropauzes: gemiddeld een coherentie van {coherence}, over %n micropauzes met een borstband</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Heart rhythm during pauses: heart rate {rate} on average over %n pauses with a strap</source>
        <translation>
            <numerusform>Hartritme tijdens micropauzes: gemiddeld een hartslag van {rate}, over %n micropauze met een borstband</numerusform>
            <numerusform>Hartritme tijdens micropauzes: gemiddeld een hartslag van {rate}, over %n micropauzes met een borstband</numerusform>
        </translation>
    </message>
    <message>
        <source>average tension {tension}</source>
        <translation>gemiddelde spanning {tension}</translation>
    </message>
    <message>
        <source>This week so far, from {day}: {counts}</source>
        <translation>Deze week tot nu toe, vanaf {day}: {counts}</translation>
    </message>
    <message>
        <source>Week of {day}: {counts}</source>
        <translation>Week van {day}: {counts}</translation>
    </message>
    <message>
        <source>What helps me:</source>
        <translation>Wat mij helpt:</translation>
    </message>
    <message>
        <source>Nothing to say yet: a pattern is named once your own days show it clearly (at least 10 days on each side).</source>
        <translation>Nog niets te zeggen: een patroon wordt pas genoemd als je eigen dagen het duidelijk laten zien (minstens 10 dagen aan elke kant).</translation>
    </message>
</context>
</TS>
