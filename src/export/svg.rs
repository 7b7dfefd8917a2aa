//! Inline SVG charts for the HTML report: the pyramid, the radar chart and
//! the trend.
//! Every text goes through `escape`.

use std::fmt::Write;

/// Escapes text for HTML and SVG: a respondent named `<script>` is text.
/// Control characters (other than tab and line break), which XML does not
/// allow, are dropped, so the document stays well-formed.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' | '\n' => out.push(c),
            c if c.is_control() => {}
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The radar's size: centre and radius of the 100 ring.
pub const RADAR_CENTRE: f64 = 210.0;
pub const RADAR_RADIUS: f64 = 150.0;

/// One outline on the radar.
pub struct Outline<'a> {
    /// A CSS class: `score`, `previous`, `target`, `band-max`, `band-min`.
    pub class: &'a str,
    /// One score (0-100) per axis; `None` is drawn at the centre.
    pub scores: Vec<Option<f64>>,
}

/// The point for `score` on axis `axis` of `axes`.
pub fn radar_point(axis: usize, axes: usize, score: f64) -> (f64, f64) {
    let angle =
        -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * axis as f64 / axes.max(1) as f64;
    let r = RADAR_RADIUS * score.clamp(0.0, 100.0) / 100.0;
    (
        RADAR_CENTRE + r * angle.cos(),
        RADAR_CENTRE + r * angle.sin(),
    )
}

fn points(axes: usize, scores: &[Option<f64>]) -> String {
    scores
        .iter()
        .enumerate()
        .map(|(axis, score)| {
            let (x, y) = radar_point(axis, axes, score.unwrap_or(0.0));
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A radar (spider) chart: one axis per pillar, rings at the stage
/// thresholds, and the outlines in the order given (later on top).
pub fn radar(
    labels: &[String],
    rings: &[(u8, String)],
    outlines: &[Outline],
    title: &str,
) -> String {
    let axes = labels.len();
    let size = RADAR_CENTRE * 2.0;
    // Room at the sides for the pillar names.
    let (left, width) = (-90.0, size + 180.0);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"radar\" viewBox=\"{left} 0 {width} {size}\" role=\"img\" aria-label=\"{}\">",
        escape(title)
    );
    for (threshold, name) in rings {
        let ring: Vec<Option<f64>> = vec![Some(f64::from(*threshold)); axes];
        let _ = write!(
            svg,
            "<polygon class=\"ring\" points=\"{}\"><title>{}</title></polygon>",
            points(axes, &ring),
            escape(name)
        );
    }
    for axis in 0..axes {
        let (x, y) = radar_point(axis, axes, 100.0);
        let _ = write!(
            svg,
            "<line class=\"axis\" x1=\"{RADAR_CENTRE:.1}\" y1=\"{RADAR_CENTRE:.1}\" x2=\"{x:.1}\" y2=\"{y:.1}\"/>"
        );
    }
    for outline in outlines {
        let _ = write!(
            svg,
            "<polygon class=\"{}\" points=\"{}\"/>",
            escape(outline.class),
            points(axes, &outline.scores)
        );
    }
    for (axis, label) in labels.iter().enumerate() {
        let (x, y) = radar_point(axis, axes, 114.0);
        let anchor = if (x - RADAR_CENTRE).abs() < 1.0 {
            "middle"
        } else if x > RADAR_CENTRE {
            "start"
        } else {
            "end"
        };
        let _ = write!(
            svg,
            "<text class=\"label\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}</text>",
            y + 4.0,
            escape(label)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// One line on the trend chart: a pillar's (or the overall) score per
/// assessment, oldest first.
pub struct Line<'a> {
    pub name: &'a str,
    /// A colour from the report's palette (`#1f6fb2`).
    pub colour: &'a str,
    /// Drawn thicker: the overall score.
    pub bold: bool,
    /// One score (0-100) per assessment; `None` leaves a gap.
    pub scores: Vec<Option<u8>>,
}

/// The trend's size: the plot area inside its margins.
const TREND_WIDTH: f64 = 640.0;
const TREND_HEIGHT: f64 = 240.0;
const TREND_LEFT: f64 = 44.0;
const TREND_TOP: f64 = 12.0;

/// Where assessment `n` of `count` and `score` sit on the trend chart.
pub fn trend_point(n: usize, count: usize, score: u8) -> (f64, f64) {
    let step = TREND_WIDTH / count.saturating_sub(1).max(1) as f64;
    (
        TREND_LEFT + step * n as f64,
        TREND_TOP + TREND_HEIGHT * (1.0 - f64::from(score.min(100)) / 100.0),
    )
}

/// A line chart of the scores over the assessments, numbered 1, 2, … from
/// the oldest, with a dotted line at each stage threshold.
pub fn trend(count: usize, rings: &[(u8, String)], lines: &[Line], title: &str) -> String {
    let (right, bottom) = (TREND_LEFT + TREND_WIDTH, TREND_TOP + TREND_HEIGHT);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" viewBox=\"0 0 {:.0} {:.0}\" role=\"img\" aria-label=\"{}\">",
        right + 24.0,
        bottom + 34.0,
        escape(title)
    );
    for (threshold, name) in rings.iter().chain(&[(0, String::new())]) {
        let (_, y) = trend_point(0, count, *threshold);
        let _ = write!(
            svg,
            "<line class=\"threshold\" x1=\"{TREND_LEFT:.1}\" y1=\"{y:.1}\" x2=\"{right:.1}\" y2=\"{y:.1}\"><title>{}</title></line>\
             <text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{threshold}</text>",
            escape(name),
            TREND_LEFT - 6.0,
            y + 5.0
        );
    }
    for n in 0..count {
        let (x, _) = trend_point(n, count, 0);
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            bottom + 26.0,
            n + 1
        );
    }
    for line in lines {
        let width = if line.bold { 4 } else { 2 };
        let colour = escape(line.colour);
        let dots: Vec<(f64, f64)> = line
            .scores
            .iter()
            .enumerate()
            .filter_map(|(n, score)| Some(trend_point(n, count, (*score)?)))
            .collect();
        let points: Vec<String> = dots.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
        let _ = write!(
            svg,
            "<g class=\"line\"><title>{}</title><polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{width}\"/>",
            escape(line.name),
            points.join(" ")
        );
        for (x, y) in dots {
            let _ = write!(
                svg,
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{}\" fill=\"{colour}\"/>",
                width + 2
            );
        }
        svg.push_str("</g>");
    }
    svg.push_str("</svg>");
    svg
}

/// The pyramid: one band per stage, top stage on top, the reached stage
/// and those below it filled, the reached one marked.
pub fn pyramid(names: &[String], reached: Option<u8>, you_are_here: &str) -> String {
    let count = names.len();
    let (width, band) = (780.0, 50.0);
    let height = band * count as f64 + 10.0;
    // The pyramid stands at the left, its names to its right.
    let (centre, base_half) = (150.0, 140.0);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pyramid\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\">",
        escape(you_are_here)
    );
    let half = |row: f64| base_half * row / count as f64;
    for (row, name) in names.iter().rev().enumerate() {
        let level = count - row;
        let (top, bottom) = (row as f64 * band + 5.0, (row + 1) as f64 * band + 5.0);
        let (t, b) = (half(row as f64), half((row + 1) as f64));
        let filled = reached.is_some_and(|r| usize::from(r) >= level);
        let here = reached.is_some_and(|r| usize::from(r) == level);
        let class = match (here, filled) {
            (true, _) => "stage here",
            (false, true) => "stage reached",
            _ => "stage",
        };
        let _ = write!(
            svg,
            "<polygon class=\"{class}\" points=\"{:.1},{top:.1} {:.1},{top:.1} {:.1},{bottom:.1} {:.1},{bottom:.1}\"/>",
            centre - t,
            centre + t,
            centre + b,
            centre - b
        );
        let _ = write!(
            svg,
            "<text class=\"level\" x=\"{centre:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{level}</text>",
            (top + bottom) / 2.0 + 5.0
        );
        let marker = if here {
            format!(" ◀ {}", escape(you_are_here))
        } else {
            String::new()
        };
        let _ = write!(
            svg,
            "<text class=\"name{}\" x=\"{:.1}\" y=\"{:.1}\">{}{marker}</text>",
            if here { " here" } else { "" },
            centre + half(count as f64) + 12.0,
            (top + bottom) / 2.0 + 5.0,
            escape(name)
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
        assert_eq!(escape("An\x1b[31m\u{0}\u{9b}\x7f\tx\n"), "An[31m\tx\n");
    }

    #[test]
    fn trend_points_go_left_to_right_and_up_with_the_score() {
        assert_eq!(trend_point(0, 3, 0), (TREND_LEFT, TREND_TOP + TREND_HEIGHT));
        assert_eq!(
            trend_point(2, 3, 100),
            (TREND_LEFT + TREND_WIDTH, TREND_TOP)
        );
        let (x, y) = trend_point(1, 3, 50);
        assert_eq!(
            (x, y),
            (
                TREND_LEFT + TREND_WIDTH / 2.0,
                TREND_TOP + TREND_HEIGHT / 2.0
            )
        );
    }

    #[test]
    fn points_sit_on_their_axis_at_the_score_radius() {
        let (x, y) = radar_point(0, 4, 50.0);
        assert!((x - RADAR_CENTRE).abs() < 1e-9 && (y - (RADAR_CENTRE - 75.0)).abs() < 1e-9);
        let (x, y) = radar_point(1, 4, 100.0);
        assert!((x - (RADAR_CENTRE + 150.0)).abs() < 1e-9 && (y - RADAR_CENTRE).abs() < 1e-9);
    }
}
