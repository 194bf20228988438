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
  /// Documents in `documents.jsonl` (converted + skipped + kept).
  public var documents: Int
  /// Forms in all documents written.
  public var forms: Int
  /// Rows of `indicators.csv` and of the `indicators` table.
  public var indicators: Int
  /// Every failure, in path order.
  public var failures: [BatchFailure]
  /// Files converted without error that gave no form (nothing was recognised), in path order.
  public var withoutForms: [String] = []
  /// Files in walked folders that no reader takes, by lower-case extension (`pdf`, `ods`; `""`
  /// for none): not converted, not failed.
  public var notRead: [String: Int] = [:]
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
      "tablemend: \(converted) converted, \(skipped) skipped (unchanged), \(failed) failed"
        + (kept > 0 ? ", \(kept) earlier kept" : "")
        + String(format: " in %.1f s (%.0f files/s)", seconds, rate))
    lines.append(
      "tablemend: \(documents) documents, \(forms) forms, \(indicators) indicators written to \(output)"
    )
    for failure in failures where !omitting.contains(failure.path) {
      lines.append("tablemend: failed: \(failure.error)")
    }
    for drop in dropped { lines.append("tablemend: dropped earlier document: \(drop.error)") }
    if !notRead.isEmpty {
      let types = notRead.sorted { $0.key < $1.key }.map {
        "\($0.key.isEmpty ? "(none)" : "." + $0.key) \($0.value)"
      }
      lines.append(
        "tablemend: \(notRead.values.reduce(0, +)) file(s) not read, by type: "
          + types.joined(separator: ", ") + " (report.json, notRead)")
    }
    if !withoutForms.isEmpty {
      lines.append(
        "tablemend: \(withoutForms.count) file(s) gave no form (listed in report.json, withoutForms)"
      )
    }
    return lines.joined(separator: "\n")
  }
}
