"""Text: cleaning raw articles, detecting their language, and parsing them with spaCy."""
