"""Actors: the knowledge base of coded actors, dictionary readers, and mention resolution."""
