//! The heuristics as data: tables reviewed like code and read like a table.
//!
//! Logic that applies them lives in the stages ([`crate::prune`], [`crate::score`],
//! [`crate::select`], [`crate::textmode`]); here are only the words and weights.

pub mod above;
pub mod authors;
pub mod cards;
pub mod cookies;
pub mod counters;
pub mod credits;
pub mod crumbs;
pub mod dates;
pub mod disclosure;
pub mod forum;
pub mod inside;
pub mod listing;
pub mod markup;
pub mod metadata;
pub mod notices;
pub mod phrases;
pub mod product;
pub mod recommendations;
pub mod repeats;
pub mod signin;
pub mod tables;
pub mod tail;
