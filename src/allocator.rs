//! The binary's global allocator: mimalloc, called the way Rust's own
//! `System` allocator calls `malloc`.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// The alignment every mimalloc block has, whatever its size: its blocks are
/// multiples of the 8-byte word, carved from word-aligned pages.
const WORD: usize = 8;

/// mimalloc through its plain functions (`mi_malloc`, `mi_zalloc`,
/// `mi_realloc`) when the alignment asked for is one every block has anyway,
/// and through the aligned ones otherwise. The `mimalloc` crate calls the
/// aligned ones for everything: their fast path gives up as soon as a size's
/// free list is empty and takes a generic aligned path, which made up a third
/// of the allocator's instructions in a build.
pub struct MiMalloc;

/// True when a plain mimalloc block is aligned as `align` asks.
#[inline]
fn plain(align: usize) -> bool {
    align <= WORD
}

// SAFETY: every block comes from mimalloc and goes back to it (`mi_free`
// takes blocks of both kinds), and the plain functions are used only for
// alignments that all mimalloc blocks have; the calls pass the sizes and
// (power-of-two) alignments of valid layouts, as `GlobalAlloc` requires.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if plain(layout.align()) {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if plain(layout.align()) {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: see the impl; `ptr` was allocated by this allocator.
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: see the impl; `ptr` was allocated by this allocator with `layout`.
        unsafe {
            if plain(layout.align()) {
                mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every size and alignment comes back aligned, writable, zeroed when
    /// asked, and keeps its bytes across a reallocation.
    #[test]
    fn blocks_are_aligned_zeroed_and_kept() {
        let a = MiMalloc;
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 3, 8, 24, 40, 100, 1000, 70_000, 3 << 20] {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: a valid non-zero layout; each block is freed once, with its layout.
                unsafe {
                    let p = a.alloc_zeroed(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "size {size}, align {align}");
                    let bytes = std::slice::from_raw_parts_mut(p, size);
                    assert!(bytes.iter().all(|&b| b == 0));
                    bytes.fill(7);
                    let q = a.realloc(p, layout, size * 2);
                    assert_eq!(q as usize % align, 0, "realloc: size {size}, align {align}");
                    assert!(std::slice::from_raw_parts(q, size).iter().all(|&b| b == 7));
                    a.dealloc(q, Layout::from_size_align(size * 2, align).unwrap());
                    let r = a.alloc(layout);
                    assert_eq!(r as usize % align, 0);
                    a.dealloc(r, layout);
                }
            }
        }
    }
}
