//! A registry: many cooperatives with unique ids, held for indicators.
//!
//! The public API hands out owned [`Cooperative`] values so that the storage
//! behind it can be columnar (see the indicator engine) without callers
//! noticing.

use crate::error::{Error, InputError, InputErrorCode, InputErrors};
use crate::model::Cooperative;
use std::collections::HashMap;

/// A set of cooperatives with unique ids, in input order.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    cooperatives: Vec<Cooperative>,
    index: HashMap<String, usize>,
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Registry::default()
    }

    /// Builds a registry; every duplicate id is an error
    /// (`cooperatives[i].id`).
    pub fn from_cooperatives(cooperatives: Vec<Cooperative>) -> Result<Self, Error> {
        let mut r = Registry::new();
        let mut errors = Vec::new();
        for (i, c) in cooperatives.into_iter().enumerate() {
            if let Err(e) = r.push(c) {
                errors.push(InputError::new(
                    format!("cooperatives[{i}].id"),
                    InputErrorCode::DuplicateId,
                    e,
                ));
            }
        }
        match InputErrors::new(errors) {
            Some(e) => Err(Error::Input(e)),
            None => Ok(r),
        }
    }

    /// Adds a cooperative; refuses a duplicate id (the message names the
    /// first record with that id).
    pub fn push(&mut self, coop: Cooperative) -> Result<(), String> {
        if let Some(&first) = self.index.get(&coop.id) {
            return Err(format!(
                "duplicate cooperative id, first used by cooperatives[{first}]"
            ));
        }
        self.index.insert(coop.id.clone(), self.cooperatives.len());
        self.cooperatives.push(coop);
        Ok(())
    }

    /// How many cooperatives.
    pub fn len(&self) -> usize {
        self.cooperatives.len()
    }

    /// No cooperatives.
    pub fn is_empty(&self) -> bool {
        self.cooperatives.is_empty()
    }

    /// The `i`-th cooperative.
    pub fn get(&self, i: usize) -> Option<Cooperative> {
        self.cooperatives.get(i).cloned()
    }

    /// The position of the cooperative with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Every cooperative, in input order.
    pub fn iter(&self) -> impl Iterator<Item = Cooperative> + '_ {
        self.cooperatives.iter().cloned()
    }
}
