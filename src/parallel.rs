//! Independent work split across the cores, in order, when there is enough of it to pay for the
//! threads: on a 2-core machine, spawning for a small app costs more than it saves.

use std::sync::atomic::{AtomicUsize, Ordering};

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
    // Items are handed out one at a time, not in fixed chunks: their costs differ (a file that
    // lists every resource against a one-line index), and a fixed split leaves a core idle.
    let next = AtomicUsize::new(0);
    let (next, f) = (&next, &f);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(move || {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(index) else {
                            return done;
                        };
                        done.push((index, f(item)));
                    }
                })
            })
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
    });
    done.sort_unstable_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, result)| result).collect()
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
