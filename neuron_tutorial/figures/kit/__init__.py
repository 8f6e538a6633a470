"""What figures share: the look (style), the one-input layer kit, direction helpers."""
