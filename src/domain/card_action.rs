//! What a card offers: its buttons, by state (Remove is always there).

use crate::domain::jobs::{JobCard, Phase};

impl JobCard {
    /// The actions the card offers in its state, besides Remove (always there).
    pub fn actions(&self) -> Vec<CardAction> {
        let mut actions = Vec::new();
        if self.phase == Phase::Running {
            actions.push(CardAction::StopWatching);
        }
        if self.phase == Phase::Stopped && self.resumable {
            actions.push(CardAction::ResumeWatching);
        }
        if self.result.is_some() {
            actions.push(CardAction::Download);
            actions.push(CardAction::UseAsInput);
        }
        if self.can_retry() {
            actions.push(CardAction::Retry);
        }
        actions
    }
}

/// A card's button (see [`JobCard::actions`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardAction {
    StopWatching,
    ResumeWatching,
    Download,
    UseAsInput,
    Retry,
    Remove,
}

impl CardAction {
    /// Its key in the page (`data-action`), read back by [`CardAction::from_key`].
    pub fn key(self) -> &'static str {
        match self {
            CardAction::StopWatching => "stop",
            CardAction::ResumeWatching => "resume",
            CardAction::Download => "download",
            CardAction::UseAsInput => "reuse",
            CardAction::Retry => "retry",
            CardAction::Remove => "remove",
        }
    }

    /// Every action.
    pub const ALL: [CardAction; 6] = [
        CardAction::StopWatching,
        CardAction::ResumeWatching,
        CardAction::Download,
        CardAction::UseAsInput,
        CardAction::Retry,
        CardAction::Remove,
    ];

    /// The action with this key, if any.
    pub fn from_key(key: &str) -> Option<CardAction> {
        Self::ALL.into_iter().find(|action| action.key() == key)
    }

    /// The button's text.
    pub fn label(self) -> &'static str {
        match self {
            CardAction::StopWatching => "Stop watching",
            CardAction::ResumeWatching => "Resume watching",
            CardAction::Download => "Download",
            CardAction::UseAsInput => "Use as input",
            CardAction::Retry => "Retry",
            CardAction::Remove => "Remove",
        }
    }
}
