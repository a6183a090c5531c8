"""The terminal: the I/O object, drawing, prompting and the wizard."""
