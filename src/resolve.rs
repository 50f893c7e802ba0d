//! Resolve stage: mentions to actors with stable ids. (Placeholder.)
