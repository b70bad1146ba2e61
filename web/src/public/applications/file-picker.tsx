/** Materials are photos from the phone's camera or PDFs (the server checks the content, not the name). */
const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

/**
 * One upload slot: a large button in Chinese (the browser's own file button speaks the browser's language and is
 * small), the file input inside it for keyboard and screen readers, and the name of the chosen file.
 */
export function FilePicker({ id, label, chosen, onChoose }: { id: string; label: string; chosen: string | undefined; onChoose: (file: File | undefined) => void }) {
  return (
    <>
      <label className="file-button" htmlFor={id}>
        {chosen ? '重新选择' : '拍照或选择文件'}
        <input id={id} type="file" accept={ACCEPT} aria-label={label} onChange={(e) => onChoose(e.target.files?.[0])} />
      </label>
      {chosen && <p className="chosen">已选择：{chosen}</p>}
    </>
  );
}
