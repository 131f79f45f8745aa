"""The gazetteer's data files (see SOURCES.md) and the script that regenerates them."""
