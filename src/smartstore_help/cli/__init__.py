"""The commands: parse flags into options, call the core, show through the UI."""
