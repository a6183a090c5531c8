"""ss-help: the right Naver SmartStore support channel, now, with everything prepared."""

__version__ = "0.3.0"
