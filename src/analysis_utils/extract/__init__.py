"""Extraction from a classified page: entities, speakers, quotes, letters, events and date expressions."""
