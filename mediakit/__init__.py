"""mediakit: a creator's own analytics exports and profile, turned into a media kit website."""

__version__ = "0.1.0"
