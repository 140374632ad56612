//! What the templates need beyond the model's meaning: the TypeScript both data layers share
//! (`typescript`, `resource_code`, `examples`, joined to the model in `view`), and each data
//! layer's own (`drizzle`, `prisma_*`).

pub mod drizzle;
pub mod examples;
pub mod prisma_dal;
pub mod prisma_schema;
pub mod prisma_smoke;
pub mod resource_code;
pub mod typescript;
pub mod view;
