//! Which resources need no rendering: a per-resource template renders from the templates, the
//! app summary and that resource alone, so when a fingerprint of those three matches the one the
//! ledger recorded, its files would render exactly as their merge bases.

use std::collections::{BTreeMap, BTreeSet};

use sha2::{Digest, Sha256};

use super::Renderer;
use super::catalog::{self, AppSummary};
use crate::hash::hex;
use crate::model::App;

/// A fingerprint of each resource's render inputs, keyed by the resource's file name (kebab).
#[must_use]
pub fn fingerprints(app: &App, renderer: &Renderer) -> BTreeMap<String, String> {
    let summary = serde_json::to_vec(&AppSummary::of(app)).unwrap_or_default();
    let mut shared = Sha256::new();
    shared.update(renderer.fingerprint().as_bytes());
    shared.update(&summary);
    app.resources
        .iter()
        .map(|resource| {
            let mut hasher = shared.clone();
            hasher.update(serde_json::to_vec(resource).unwrap_or_default());
            (resource.names.kebab.clone(), hex(&hasher.finalize()))
        })
        .collect()
}

/// Which resources can skip rendering, by index into `app.resources`: those whose fingerprint
/// equals the recorded one and whose every file the ledger still tracks.
#[must_use]
pub fn reusable(
    app: &App,
    renderer: &Renderer,
    current: &BTreeMap<String, String>,
    recorded: &BTreeMap<String, String>,
    tracked: &dyn Fn(&str) -> bool,
) -> Vec<bool> {
    let templates = catalog::resource_templates(app, renderer);
    app.resources
        .iter()
        .map(|resource| {
            let key = &resource.names.kebab;
            current
                .get(key)
                .is_some_and(|f| recorded.get(key) == Some(f))
                && resource_paths(&templates, resource)
                    .iter()
                    .all(|p| tracked(p))
        })
        .collect()
}

/// The paths of every file rendered for the resources marked in `skip`.
#[must_use]
pub fn skipped_paths(app: &App, renderer: &Renderer, skip: &[bool]) -> BTreeSet<String> {
    let templates = catalog::resource_templates(app, renderer);
    app.resources
        .iter()
        .zip(skip)
        .filter(|(_, skipped)| **skipped)
        .flat_map(|(resource, _)| resource_paths(&templates, resource))
        .collect()
}

fn resource_paths(templates: &[&str], resource: &crate::model::Resource) -> Vec<String> {
    let group = resource.route_group.as_deref();
    templates
        .iter()
        .map(|template| catalog::output_path(template, Some(&resource.names), group))
        .collect()
}
