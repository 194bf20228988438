import TablemendAlign
import TablemendModel
import TablemendVocabulary

/// Chooses, for a text export, between the indicators the grid path read and the ones the
/// typed row aligner read, by how much of each indicator was recognised.
enum AlignedIndicators {
  /// How much of an indicator list was recognised: a known 二级 label, a target that is not
  /// empty, and a name, for each indicator.
  static func quality(_ indicators: [Indicator]) -> Double {
    var q = 0.0
    for i in indicators {
      if LevelLabels.isLevel2(i.level2) { q += 1 }
      if i.value.kind != .empty { q += 1 }
      if !i.level3.isEmpty { q += 0.5 }
    }
    return q
  }

  /// The forms with the aligner's indicators where they read more than the grid path did.
  static func merge(forms: [Form], text: String) -> (forms: [Form], diagnostics: [Diagnostic]) {
    let blocks = IndicatorAligner.blocks(in: text)
    let aligned = blocks.flatMap(\.indicators)
    let old = forms.flatMap(\.indicators)
    guard !aligned.isEmpty, quality(aligned) > quality(old) else { return (forms, []) }
    var diagnostics = blocks.flatMap(\.diagnostics)
    diagnostics.append(
      Diagnostic(
        .info, "indicators-aligned",
        "the indicators were read by the typed row aligner (\(aligned.count) in \(blocks.count) "
          + "block(s)); the grid reading gave \(old.count)",
        at: blocks.first?.location))
    var out = forms
    if out.isEmpty {
      out.append(
        Form(
          kind: kind(of: text), title: title(in: text), indicators: aligned, tables: [],
          location: blocks.first?.location ?? Location(line: 1, column: 1)))
      return (out, diagnostics)
    }
    if out.count == blocks.count {
      for (n, block) in blocks.enumerated() { out[n].indicators = block.indicators }
      return (out, diagnostics)
    }
    for n in out.indices { out[n].indicators = [] }
    out[0].indicators = aligned
    return (out, diagnostics)
  }

  /// The form kind the text's title words name.
  static func kind(of text: String) -> Form.Kind {
    let k = LabelFolding.key(String(text.prefix(4000)))
    let selfEvaluation = k.contains("自评") || k.contains("评价")
    let department = k.contains("部门整体")
    switch (department, selfEvaluation) {
    case (true, true): return .departmentSelfEvaluation
    case (true, false): return .departmentTargets
    case (false, true): return .projectSelfEvaluation
    case (false, false): return .projectTargets
    }
  }

  /// The first line that names a form (…绩效…表), trimmed, or nil.
  static func title(in text: String) -> String? {
    for line in text.split(whereSeparator: \.isNewline).prefix(200) {
      let k = LabelFolding.key(String(line))
      if k.count <= 60, k.contains("绩效"), k.hasSuffix("表") || k.contains("表(") {
        return LabelFolding.display(String(line)).trimmingCharacters(in: ["|"])
      }
    }
    return nil
  }
}
