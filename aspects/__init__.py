"""mp4-aspects: measure every aspect of an MP4 and grow registries of them."""

__version__ = "0.1.0"
