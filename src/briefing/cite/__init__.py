"""Citations: references, the styles, copying to the clipboard, the basket, reports."""
