/** `1 page`, `2 pages`, `0 pages`: a count with its noun in the number it takes (`many` when the plural is no `-s`). */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
