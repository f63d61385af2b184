"""What a person reads: words for dates and figures, HTML fragments, picker labels, the table, the timeline."""
