//! A small browser for the web form's tests and benchmark: cookies kept
//! (every path alike), redirects not followed so that each is seen.

use std::collections::HashMap;

/// A browser: cookies kept, redirects not followed (so each is seen).
pub struct Browser {
    agent: ureq::Agent,
    pub base: String,
    pub cookies: HashMap<String, String>,
}

pub struct Page {
    pub status: u16,
    pub location: Option<String>,
    pub headers: HashMap<String, String>,
    pub body: String,
}

impl Browser {
    pub fn new(base: &str) -> Browser {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .max_redirects(0)
            .max_redirects_will_error(false)
            .http_status_as_error(false)
            .build()
            .into();
        Browser {
            agent,
            base: base.to_string(),
            cookies: HashMap::new(),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep(&mut self, mut response: ureq::http::Response<ureq::Body>) -> Page {
        for value in response.headers().get_all("set-cookie") {
            let text = value.to_str().expect("ASCII");
            let pair = text.split(';').next().expect("a pair");
            if let Some((k, v)) = pair.split_once('=') {
                self.cookies.insert(k.to_string(), v.to_string());
            }
        }
        let headers = response
            .headers()
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
            .collect::<HashMap<_, _>>();
        Page {
            status: response.status().as_u16(),
            location: headers.get("location").cloned(),
            body: response.body_mut().read_to_string().unwrap_or_default(),
            headers,
        }
    }

    pub fn get(&mut self, path: &str) -> Page {
        self.try_get(path).expect("answers")
    }

    pub fn post(&mut self, path: &str, form: &[(&str, &str)], origin: &str) -> Page {
        self.try_post(path, form, origin).expect("answers")
    }

    /// A GET, `None` when the server does not answer (it was killed).
    pub fn try_get(&mut self, path: &str) -> Option<Page> {
        let response = self
            .agent
            .get(format!("{}{path}", self.base))
            .header("Cookie", self.cookie_header())
            .header("Accept-Language", "nl-BE,nl;q=0.9,en;q=0.5")
            .call()
            .ok()?;
        Some(self.keep(response))
    }

    /// A POST's status, `None` when the server does not answer.
    pub fn try_post(&mut self, path: &str, form: &[(&str, &str)], origin: &str) -> Option<Page> {
        let response = self
            .agent
            .post(format!("{}{path}", self.base))
            .header("Cookie", self.cookie_header())
            .header("Origin", origin)
            .send_form(form.iter().copied())
            .ok()?;
        Some(self.keep(response))
    }
}

/// The hidden CSRF field of a page.
pub fn csrf(body: &str) -> String {
    try_csrf(body).expect("a CSRF field")
}

/// The hidden CSRF field of a page, if it has one.
pub fn try_csrf(body: &str) -> Option<String> {
    let at = body.find("name=\"csrf\" value=\"")? + 19;
    Some(body[at..].split('"').next().unwrap_or_default().to_string())
}
