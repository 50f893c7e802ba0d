//! Evaluation harness against labelled dev sets. (Placeholder.)
