export { Badge, type TBadgeTone } from "./badge";
export { Button, buttonClass, type TButtonSize, type TButtonVariant } from "./button";
export { Card, cardClass } from "./card";
export { ConfirmDialog, Dialog } from "./dialog";
export { Table } from "./table";
export { linkClass, TextLink } from "./text-link";
