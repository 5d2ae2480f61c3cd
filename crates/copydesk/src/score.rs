//! Per-node features: text and link density, punctuation, tag and class/id priors.
