//! Independent work split across the cores, in order, when there is enough of it to pay for the
//! threads: on a 2-core machine, spawning for a small app costs more than it saves.

/// `f` over every item, results in the items' order: on up to 8 threads, each given at least
/// `min_per_thread` items; on the calling thread when there are too few for two.
pub fn map_in_order<T, R, F>(items: &[T], min_per_thread: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let threads = (items.len() / min_per_thread.max(1)).clamp(1, cores.min(8));
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            // A panic on a worker is the same bug it would be on this thread: let it surface.
            .flat_map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_order_whether_or_not_it_splits() {
        let items: Vec<u32> = (0..1000).collect();
        let doubled = |n: &u32| n * 2;
        let expected: Vec<u32> = items.iter().map(doubled).collect();
        assert_eq!(map_in_order(&items, 10, doubled), expected);
        assert_eq!(map_in_order(&items, 10_000, doubled), expected);
        assert_eq!(map_in_order(&[] as &[u32], 10, doubled), Vec::<u32>::new());
    }
}
