import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The cells of a summarised sheet written to a temporary file as they are read (each cell's
/// row, column and text, about 10 bytes), so that its tables' cells are read back from the file
/// (`Reader`) instead of the worksheet being inflated and scanned again (`SheetReplay`).
///
/// The file is unlinked as soon as it is made: nothing is left behind, whatever happens to
/// the process after that. Its pages are the kernel's file cache, not the process's memory, so memory stays
/// flat in the sheet's rows. The cells must be appended in reading order.
///
/// One thread appends (the scanner's worker) and calls `finish`; readers come after (the
/// worker's end orders them), each with a `Reader` of its own reading with `pread`.
final class CellSpill: @unchecked Sendable {
  private let fd: Int32
  private var buffer: [UInt8] = []
  /// Bytes in the file.
  private var size = 0
  private var previousRow = 0
  private var failed = false
  private var finished = false

  /// Bytes gathered before each write.
  static let chunk = 1 << 20

  /// A new spill in the temporary directory, or nil when no file can be made there (the
  /// sheet is then read again from its part).
  init?(directory: String = NSTemporaryDirectory()) {
    #if os(Linux)
      // Made with a name of its own (mode 0600), unlinked at once.
      var template = Array((directory + "/tablemend-spill-XXXXXX").utf8CString)
      let made = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
        guard let base = buffer.baseAddress else { return -1 }
        let fd = mkstemp(base)
        if fd >= 0 {
          unlink(base)
          _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        return fd
      }
      guard made >= 0 else { return nil }
      fd = made
      buffer.reserveCapacity(Self.chunk + 64)
    #else
      // Elsewhere the sheet is read again from its part.
      return nil
    #endif
  }

  deinit {
    close(fd)
  }

  /// Appends a cell (after the cells appended before it, in reading order: a cell on an
  /// earlier row, or at a negative slot, makes the spill of no use).
  func append(_ cell: SheetCell) {
    guard !failed, !finished else { return }
    guard cell.row >= previousRow, cell.column >= 0 else {
      failed = true
      return
    }
    Self.varint(UInt64(cell.row - previousRow), into: &buffer)
    previousRow = cell.row
    Self.varint(UInt64(cell.column), into: &buffer)
    var text = cell.text
    text.withUTF8 { utf8 in
      Self.varint(UInt64(utf8.count), into: &buffer)
      buffer.append(contentsOf: utf8)
    }
    if buffer.count >= Self.chunk { flush() }
  }

  /// Writes what is gathered; false when a write failed (the spill is then of no use).
  func finish() -> Bool {
    if !finished {
      flush()
      finished = true
    }
    return !failed
  }

  private func flush() {
    guard !failed, !buffer.isEmpty else { return }
    let written = buffer.withUnsafeBytes { bytes -> Bool in
      var at = 0
      while at < bytes.count {
        guard let base = bytes.baseAddress else { return false }
        let n = pwrite(fd, base + at, bytes.count - at, off_t(size + at))
        if n < 0 {
          if errno == EINTR { continue }
          return false
        }
        if n == 0 { return false }
        at += n
      }
      return true
    }
    if written { size += buffer.count } else { failed = true }
    buffer.removeAll(keepingCapacity: true)
  }

  private static func varint(_ value: UInt64, into bytes: inout [UInt8]) {
    var value = value
    while value >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
      value >>= 7
    }
    bytes.append(UInt8(value))
  }

  /// The cells read back in order, a batch at a time.
  final class Reader {
    private let spill: CellSpill
    private var offset = 0
    /// Read bytes, decoded up to `position` (what follows may be a cell cut by the end of a
    /// read).
    private var pending: [UInt8] = []
    private var position = 0
    private var row = 0

    init(_ spill: CellSpill) {
      self.spill = spill
    }

    /// The next cells (at most `size`, never none), or nil after the last.
    /// - Throws: `SheetsError` when the file cannot be read or holds a cell cut short.
    func next(size: Int = 4096) throws(SheetsError) -> [SheetCell]? {
      guard spill.finished, !spill.failed else {
        throw SheetsError(message: "the cells spilled to a temporary file are incomplete")
      }
      var cells: [SheetCell] = []
      cells.reserveCapacity(size)
      while cells.count < size {
        if let cell = decode() {
          cells.append(cell)
          continue
        }
        guard offset < spill.size else {
          guard position == pending.count else {
            throw SheetsError(message: "the cells spilled to a temporary file end in a cut cell")
          }
          break
        }
        try read()
      }
      return cells.isEmpty ? nil : cells
    }

    /// Reads the next chunk of the file after what is pending.
    private func read() throws(SheetsError) {
      let want = min(CellSpill.chunk, spill.size - offset)
      pending.removeSubrange(0..<position)
      position = 0
      let start = pending.count
      pending.append(contentsOf: repeatElement(0, count: want))
      var got = 0
      while got < want {
        let n = pending.withUnsafeMutableBytes { bytes -> Int in
          guard let base = bytes.baseAddress else { return -1 }
          return pread(spill.fd, base + start + got, want - got, off_t(offset + got))
        }
        if n < 0, errno == EINTR { continue }
        guard n > 0 else {
          throw SheetsError(message: "the cells spilled to a temporary file cannot be read")
        }
        got += n
      }
      offset += want
    }

    /// The next whole cell in `pending` after `position` (which it passes), or nil when it
    /// holds none.
    private func decode() -> SheetCell? {
      var at = position
      guard let delta = varint(&at), let column = varint(&at), let length = varint(&at),
        length <= UInt64(pending.count - at), delta <= UInt64(Int.max - row),
        column <= UInt64(Int.max)
      else { return nil }
      let end = at + Int(length)
      let text = pending.withUnsafeBufferPointer {
        String(decoding: UnsafeBufferPointer(rebasing: $0[at..<end]), as: UTF8.self)
      }
      row += Int(delta)
      position = end
      return SheetCell(row: row, column: Int(column), text: text)
    }

    private func varint(_ at: inout Int) -> UInt64? {
      var value: UInt64 = 0
      var shift: UInt64 = 0
      while at < pending.count, shift < 64 {
        let byte = pending[at]
        at += 1
        value |= UInt64(byte & 0x7F) << shift
        if byte < 0x80 { return value }
        shift += 7
      }
      return nil
    }
  }
}
