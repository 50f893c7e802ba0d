//! The `actorgraph` command line (thin layer over the library).

fn main() {
    println!("actorgraph");
}
