//! Risk flagging lives in core ([`yoursay_core::risk`]): its word lists cross the wire to the console.

pub use yoursay_core::risk::RiskWords;
