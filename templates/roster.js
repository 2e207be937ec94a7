// Sorting and filtering for the roster table; the page reads fine without it.
document.addEventListener("DOMContentLoaded", () => {
  const table = document.getElementById("creators");
  const body = table.tBodies[0];
  const filter = document.getElementById("filter");
  filter.addEventListener("input", () => {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    for (const row of body.rows) {
      const text = row.dataset.search || "";
      row.hidden = !words.every((word) => text.includes(word));
    }
  });
  table.querySelectorAll("th[data-sort]").forEach((header, column) => {
    header.tabIndex = 0;
    const sort = () => {
      const ascending = header.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("th").forEach((th) => th.removeAttribute("aria-sort"));
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const numeric = header.dataset.sort === "number";
      const key = (row) => {
        const cell = row.cells[column];
        const value = cell ? (cell.dataset.value ?? cell.textContent.trim()) : "";
        return numeric ? parseFloat(value) || -1 : value.toLowerCase();
      };
      const rows = Array.from(body.rows).sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
      });
      rows.forEach((row) => body.appendChild(row));
    };
    header.addEventListener("click", sort);
    header.addEventListener("keydown", (event) => { if (event.key === "Enter") sort(); });
  });
});
