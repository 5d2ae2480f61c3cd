//! Evaluation: the gold format of the shared datasets, the metrics, and the runner.
