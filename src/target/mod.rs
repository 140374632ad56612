//! What each ORM's templates need from the model, beyond what every template shares.

pub mod drizzle;
pub mod prisma_dal;
pub mod prisma_schema;
pub mod prisma_smoke;
