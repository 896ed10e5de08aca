"""StressBreak: a calm micro-pause assistant that lives in the system tray."""

__version__ = "0.1.0"
# Who the app is to the desktop: the launcher's file name (packaging/linux), which Wayland
# compositors see as our windows' app id and GNOME and KDE match to the launcher's icon.
APP_ID = "org.stressbreak.StressBreak"
