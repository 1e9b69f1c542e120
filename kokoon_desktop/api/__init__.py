"""The Kokoon SR API v3 client and its typed models and errors."""
