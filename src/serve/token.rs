//! The admin token: made fresh at each start or kept in a file for a
//! service; the server keeps only its hash.

use crate::messages::Localized;
use anyhow::Result;
use sha2::{Digest, Sha256};
use std::path::Path;

/// A fresh token, or the one kept in `file` (made there, readable by its
/// owner only, on first use).
pub fn token(file: Option<&Path>) -> Result<String> {
    let Some(file) = file else {
        return crate::store::secret();
    };
    let shown = file.display().to_string();
    match std::fs::read_to_string(file) {
        Ok(text) => {
            let token = text.trim().to_string();
            if token.len() < 32 || !token.bytes().all(|b| b.is_ascii_graphic()) {
                return Err(Localized::new("admin-token-weak", &[("file", &shown)]).into());
            }
            Ok(token)
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            let token = crate::store::secret()?;
            crate::output::write_atomically(file, format!("{token}\n").as_bytes())?;
            #[cfg(unix)]
            {
                use crate::messages::LocalizedContext;
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600))
                    .localized(|| Localized::new("cannot-write", &[("file", &shown)]))?;
            }
            Ok(token)
        }
        Err(err) => Err(crate::messages::cannot_read(&shown, &err)),
    }
}

/// The SHA-256 of a token, in hexadecimal: all the server keeps of it.
pub fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
