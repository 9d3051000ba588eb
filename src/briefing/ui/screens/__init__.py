"""The app's screens, one module each; the main screen imports the others when first used."""
