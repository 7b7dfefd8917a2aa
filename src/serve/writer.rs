//! The one writer of the respondents' answers. Each request's change
//! waits in a queue; a thread of its own takes every change waiting, runs
//! them in one transaction (each in a savepoint of its own) and commits
//! once — one sync to disk for many answers — and only then tells each
//! request that its change is kept. The readers never wait for it (WAL).

use crate::store::Store;
use anyhow::{Result, anyhow};
use std::sync::mpsc;
use tokio::sync::oneshot;

type Step = Box<dyn FnOnce(&Store) -> Result<()> + Send>;

struct Job {
    step: Step,
    kept: oneshot::Sender<Result<()>>,
}

/// The most changes that one commit takes.
const MOST_TOGETHER: usize = 256;

/// Where changes are sent to be written; clones send to the same thread.
#[derive(Clone)]
pub struct Writer {
    queue: mpsc::Sender<Job>,
}

impl Writer {
    /// Starts the writer's thread on its own connection; the thread ends
    /// (and closes its connection) when the last `Writer` is dropped,
    /// after the changes already sent.
    pub fn start(store: Store) -> Result<(Writer, std::thread::JoinHandle<()>)> {
        let (queue, jobs) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("pyramid-writer".to_string())
            .spawn(move || write(&store, &jobs))?;
        Ok((Writer { queue }, thread))
    }

    /// Runs `step` with the next commit; resolves when that commit is on
    /// disk (or has failed, which undoes the step).
    pub async fn write(
        &self,
        step: impl FnOnce(&Store) -> Result<()> + Send + 'static,
    ) -> Result<()> {
        let (kept, outcome) = oneshot::channel();
        let job = Job {
            step: Box::new(step),
            kept,
        };
        self.queue.send(job).map_err(|_| stopped())?;
        outcome.await.map_err(|_| stopped())?
    }
}

/// The writer's thread is gone (it can only end with the server).
fn stopped() -> anyhow::Error {
    crate::messages::Localized::new("serve-writer-stopped", &[]).into()
}

fn write(store: &Store, jobs: &mpsc::Receiver<Job>) {
    while let Ok(first) = jobs.recv() {
        let mut batch = vec![first];
        while batch.len() < MOST_TOGETHER {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let (steps, kept): (Vec<Step>, Vec<_>) =
            batch.into_iter().map(|job| (job.step, job.kept)).unzip();
        match store.together(steps) {
            Ok(outcomes) => {
                for (kept, outcome) in kept.into_iter().zip(outcomes) {
                    let _ = kept.send(outcome);
                }
            }
            Err(err) => {
                let text = format!("{err:#}");
                for kept in kept {
                    let _ = kept.send(Err(anyhow!("{text}")));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn changes_sent_together_are_each_kept_or_undone_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("t.sqlite");
        let store = Store::open(&path).expect("opened");
        store
            .create_campaign(&crate::store::campaigns::NewCampaign {
                name: "Team",
                model: "pyramid",
                bank_yaml: None,
                anonymous: false,
            })
            .expect("created");
        let (writer, _) = Writer::start(Store::open(&path).expect("opened")).expect("started");
        let mut waiting = Vec::new();
        for n in 0..20 {
            let writer = writer.clone();
            waiting.push(tokio::spawn(async move {
                writer
                    .write(move |store| {
                        // Every fifth names a campaign that is not there.
                        let campaign = if n % 5 == 4 { "Other" } else { "Team" };
                        store.start_respondent(campaign, &format!("t{n}"), None, "nl")
                    })
                    .await
            }));
        }
        let mut refused = 0;
        for outcome in waiting {
            if outcome.await.expect("ran").is_err() {
                refused += 1;
            }
        }
        assert_eq!(refused, 4);
        let kept = store.listed("Team").expect("listed");
        assert_eq!(kept.unfinished, 16, "each kept change is on disk when told");
    }
}
