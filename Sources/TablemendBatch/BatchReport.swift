import Foundation

/// A file (or folder) a batch could not convert, with the reason in one line.
public struct BatchFailure: Codable, Sendable, Hashable {
  /// The file's path as the outputs name it.
  public var path: String
  /// One line naming the file and, where known, the place (`ConversionError.description`).
  public var error: String

  /// Makes a failure entry.
  public init(path: String, error: String) {
    self.path = path
    self.error = error
  }
}

/// An input whose bytes are those of another input of the same run: one document, two paths.
public struct BatchDuplicate: Codable, Sendable, Hashable {
  /// The input's path.
  public var path: String
  /// The path of the document it is one with (the first path in path order).
  public var sameAs: String

  /// Makes an entry.
  public init(path: String, sameAs: String) {
    self.path = path
    self.sameAs = sameAs
  }
}

/// What a batch did, as written to `report.json` and summarised on stderr.
public struct BatchReport: Codable, Sendable, Hashable {
  /// The tablemend version that ran the batch.
  public var tablemendVersion: String
  /// The model version of the documents written.
  public var model: String
  /// The output folder.
  public var output: String
  /// Input files found by walking the arguments.
  public var inputs: Int
  /// Files converted in this run.
  public var converted: Int
  /// Files skipped because their SHA-256 and the tablemend version were unchanged; their
  /// earlier documents are kept.
  public var skipped: Int
  /// Files that could not be converted (or folders that could not be read).
  public var failed: Int
  /// Earlier documents of files not among this run's inputs, kept in the outputs.
  public var kept: Int
  /// Documents in `documents.jsonl` (converted + skipped + kept, less duplicates).
  public var documents: Int
  /// Forms in all documents written.
  public var forms: Int
  /// Rows of `indicators.csv` and of the `indicators` table.
  public var indicators: Int
  /// Every failure, in path order.
  public var failures: [BatchFailure]
  /// Files converted without error that gave no form (nothing was recognised), in path order.
  public var withoutForms: [String] = []
  /// Inputs skipped because the same bytes were converted earlier under another path (a moved
  /// or renamed folder, a copy): their earlier document was taken with the new path. They are
  /// counted in `skipped`.
  public var recognised: [String] = []
  /// Inputs whose bytes another input of the run has too (copies): one document with several
  /// paths (`document_paths` in the database), written once to the JSON Lines and CSV files.
  public var duplicates: [BatchDuplicate] = []
  /// True when nothing had changed since the last run, so that no output was written (the
  /// counts are the last run's; `report.json` was left as it was).
  public var unchanged: Bool? = nil
  /// True when the earlier outputs were patched: documents that did not change were copied
  /// from them (lines and CSV rows by byte range) and kept in a copy of the earlier database,
  /// without being read again.
  public var patched: Bool? = nil
  /// Files in the walked folders that were not read because of their type, in path order.
  public var notInputs: [SkippedFile] = []
  /// Earlier documents that could not be read back and were dropped, with the reason.
  public var dropped: [BatchFailure]
  /// Wall-clock seconds the run took.
  public var seconds: Double

  /// True when no file failed.
  public var succeeded: Bool { failed == 0 }

  /// The multi-line summary printed on stderr: counts, then one line per failure.
  public var summary: String { summary(omitting: []) }

  /// The summary without the failures of `omitting` (paths already reported as they failed).
  public func summary(omitting: Set<String>) -> String {
    var lines: [String] = []
    let rate = seconds > 0 ? Double(converted + skipped + failed) / seconds : 0
    lines.append(
      "tablemend: \(converted) converted, \(skipped) skipped (unchanged"
        + (recognised.isEmpty ? "" : ", \(recognised.count) recognised by content at a new path")
        + "), \(failed) failed"
        + (kept > 0 ? ", \(kept) earlier kept" : "")
        + (duplicates.isEmpty ? "" : ", \(duplicates.count) copies of another input")
        + String(format: " in %.1f s (%.0f files/s)", seconds, rate))
    lines.append(
      "tablemend: \(documents) documents, \(forms) forms, \(indicators) indicators written to \(output)"
    )
    if unchanged == true {
      lines.append(
        "tablemend: nothing changed since the last run: the outputs were left as they were")
    }
    for failure in failures where !omitting.contains(failure.path) {
      lines.append("tablemend: failed: \(failure.error)")
    }
    for drop in dropped { lines.append("tablemend: dropped earlier document: \(drop.error)") }
    if !notInputs.isEmpty {
      var counts: [String: Int] = [:]
      for file in notInputs { counts[file.type, default: 0] += 1 }
      let parts = counts.keys.sorted().map { "\(counts[$0] ?? 0) \($0)" }
      lines.append(
        "tablemend: not read by type: \(parts.joined(separator: ", ")) (listed in report.json, notInputs)"
      )
    }
    if !withoutForms.isEmpty {
      lines.append(
        "tablemend: \(withoutForms.count) file(s) gave no form (listed in report.json, withoutForms)"
      )
    }
    return lines.joined(separator: "\n")
  }
}
