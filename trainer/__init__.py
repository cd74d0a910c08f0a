"""The active-listening trainer: practise reflective listening offline, with explainable feedback."""

__version__ = "0.1.0"
