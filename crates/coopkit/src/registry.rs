//! A registry: many cooperatives, held for indicators. (Storage filled in by the indicator work.)

use crate::model::Cooperative;

/// A set of cooperatives with unique ids.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    cooperatives: Vec<Cooperative>,
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Registry::default()
    }

    /// Builds a registry from already validated cooperatives.
    pub fn from_cooperatives(cooperatives: Vec<Cooperative>) -> Self {
        Registry { cooperatives }
    }

    /// How many cooperatives.
    pub fn len(&self) -> usize {
        self.cooperatives.len()
    }

    /// No cooperatives.
    pub fn is_empty(&self) -> bool {
        self.cooperatives.is_empty()
    }

    /// The cooperatives, in input order.
    pub fn cooperatives(&self) -> &[Cooperative] {
        &self.cooperatives
    }
}
