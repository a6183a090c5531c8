"""The pure core: the model, the clock-free logic and every message. Never prints, never reads the clock or files."""
