import type { Pose } from '../core/pose-schema.ts';
import {
	LENGTHS,
	NOSE_RADIUS,
	SEGMENTS,
	project,
	solvePose,
	type ScreenPoint,
	type SegmentSpec,
	type View
} from './pose.ts';

/**
 * The figure as flat shapes for one view: what both the still SVG and the Lottie generator draw.
 * Units stay centimetres until a frame maps them onto the picture.
 */

export type Tone = SegmentSpec['tone'];

export interface LineShape {
	kind: 'line';
	id: string;
	from: ScreenPoint;
	to: ScreenPoint;
	thickness: number;
	tone: Tone;
	depth: number;
}

export interface DiscShape {
	kind: 'disc';
	id: 'head' | 'nose';
	centre: ScreenPoint;
	radius: number;
	tone: Tone;
	depth: number;
}

export type FigureShape = LineShape | DiscShape;

/** Every shape of a pose in a view, farthest first (the order they are painted). */
export function figureShapes(pose: Pose, view: View, mirrored = false): FigureShape[] {
	const skeleton = solvePose(pose);
	const shapes: FigureShape[] = SEGMENTS.map((segment) => {
		const from = project(skeleton[segment.from], view, mirrored);
		const to = project(skeleton[segment.to], view, mirrored);
		return {
			kind: 'line',
			id: segment.id,
			from,
			to,
			thickness: segment.thickness,
			tone: segment.tone,
			depth: (from.depth + to.depth) / 2
		};
	});
	const centre = project(skeleton.head, view, mirrored);
	shapes.push({
		kind: 'disc',
		id: 'head',
		centre,
		radius: LENGTHS.headRadius,
		tone: 'body',
		depth: centre.depth
	});
	const nose = project(skeleton.nose, view, mirrored);
	shapes.push({
		kind: 'disc',
		id: 'nose',
		centre: nose,
		radius: NOSE_RADIUS,
		tone: 'rightLeg',
		depth: nose.depth
	});
	return paintOrder(shapes);
}

/** Stable sort by depth; ties keep the declared order so equal depths never flicker. */
function paintOrder(shapes: FigureShape[]): FigureShape[] {
	return shapes
		.map((shape, index) => ({ shape, index }))
		.sort((a, b) => a.shape.depth - b.shape.depth || a.index - b.index)
		.map(({ shape }) => shape);
}

/** The picture's window onto the world, in screen centimetres, always 4:3. */
export interface Frame {
	left: number;
	top: number;
	width: number;
	height: number;
}

export const ASPECT = 4 / 3;
const PADDING = 10;
const MIN_WIDTH = 150;

function extend(
	box: { minH: number; maxH: number; minV: number; maxV: number },
	p: ScreenPoint,
	r: number
) {
	box.minH = Math.min(box.minH, p.h - r);
	box.maxH = Math.max(box.maxH, p.h + r);
	box.minV = Math.min(box.minV, p.v - r);
	box.maxV = Math.max(box.maxV, p.v + r);
}

/**
 * A frame that holds every given pose (each in both mirror images when `bothSides`), with the
 * floor line near the bottom in the side and front views. Fixed for a whole animation, so the
 * figure never jumps while it moves.
 */
export function frameFor(poses: readonly Pose[], view: View, bothSides = false): Frame {
	const box = { minH: Infinity, maxH: -Infinity, minV: Infinity, maxV: -Infinity };
	for (const pose of poses) {
		for (const mirrored of bothSides ? [false, true] : [false]) {
			for (const shape of figureShapes(pose, view, mirrored)) {
				if (shape.kind === 'disc') extend(box, shape.centre, shape.radius);
				else {
					extend(box, shape.from, shape.thickness / 2);
					extend(box, shape.to, shape.thickness / 2);
				}
			}
		}
	}
	if (view !== 'top') box.maxV = Math.max(box.maxV, 0);
	let width = Math.max(MIN_WIDTH, box.maxH - box.minH + 2 * PADDING);
	let height = box.maxV - box.minV + 2 * PADDING;
	if (width / height < ASPECT) width = height * ASPECT;
	else height = width / ASPECT;
	const centreH = (box.minH + box.maxH) / 2;
	// Sit the floor a little above the bottom edge; a top view is centred.
	const top =
		view === 'top' ? (box.minV + box.maxV) / 2 - height / 2 : box.maxV + PADDING / 2 - height;
	return { left: centreH - width / 2, top, width, height };
}
