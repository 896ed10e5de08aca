"""The application layer: use-case coordinators that wire the windows (ui) to the outside world
(services) by the rules of core. See docs/ARCHITECTURE.md."""
