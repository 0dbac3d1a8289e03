"""Reports: reportlab PDFs and openpyxl sheets; domain objects in, bytes out."""
