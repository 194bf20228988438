import TablemendModel

/// Labels printed in the middle of the rows they span: text browsers (w3m, lynx, elinks) and
/// PDFs of cells aligned to their middle put a merged 一级 or 二级 cell's text on its middle
/// line, so the first rows of a block come before any label.
///
/// Only the rows at the start of a block are taken back, where no label can be theirs but the
/// first one: when no more rows stand above the first label than below it under the same label
/// (plus one), as a centred label leaves them. Rows between two labels are left as filled down,
/// since where one span ends and the next begins is not known.
enum CentredLabels {
  /// `indicators` with the rows before the first 二级 (and 一级) label of each period given that
  /// label, and a diagnostic for each label taken back.
  static func backfill(_ indicators: [Indicator]) -> ([Indicator], [Diagnostic]) {
    var out = indicators
    var diagnostics: [Diagnostic] = []
    var periods: [String] = []
    for indicator in indicators where !periods.contains(indicator.period) {
      periods.append(indicator.period)
    }
    for period in periods {
      let rows = out.indices.filter { out[$0].period == period }
      for level in [\Indicator.level2, \Indicator.level1] {
        guard let first = rows.firstIndex(where: { !out[$0][keyPath: level].isEmpty }), first > 0
        else { continue }
        let label = out[rows[first]][keyPath: level]
        let below = rows[(first + 1)...].prefix { out[$0][keyPath: level] == label }.count
        guard first <= below + 1 else { continue }
        for row in rows[..<first] {
          // A row's 二级 goes with its 一级: not taken back across another 一级.
          if level == \Indicator.level2, !out[row].level1.isEmpty,
            out[row].level1 != out[rows[first]].level1
          {
            continue
          }
          out[row][keyPath: level] = label
        }
        diagnostics.append(
          Diagnostic(
            .info, "label-centred",
            "the first \(first) row(s) come before the label '\(label)', printed in the middle of "
              + "the rows it spans; they were given it",
            at: out[rows[first]].location))
      }
    }
    return (out, diagnostics)
  }
}
