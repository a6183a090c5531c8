"""Files on the seller's computer: data loading, caches, the journal."""
