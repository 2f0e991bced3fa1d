"""Fieldwork: inventory campaigns, field packages and their synchronisation."""
